import type { SeedCandidate, SeedPosition, SeedUser } from "./seed-types";

// Demo organisation for Loopwise. Every person, company and e-mail address here is fictional.
//
// Calibration story baked into the data:
// - Kwame Asante (Engineering Manager) is the lenient rater: on the same candidate and dimension
//   he sits roughly 0.5–1 level above his colleagues, and he submits within a few hours.
// - Rafael Moreira (SRE Lead) is the harsh rater: roughly 0.5–1 level below colleagues, and slow
//   to submit (often 1–3 days after the interview).

export const DEMO_PASSWORD = "loopwise-demo";

/** Invited by the admin when the demo is seeded; signs in only after choosing a password from the email. */
export const INVITED = {
  name: "Priya Raman",
  email: "priya@loopwise.test",
  title: "Senior ML Engineer",
  role: "interviewer",
  timeZone: "Europe/London",
  country: "GB",
} as const;

export const users: SeedUser[] = [
  {
    name: "Hannah Okafor",
    email: "admin@loopwise.test",
    role: "admin",
    title: "Talent Operations Lead",
    timeZone: "Europe/London",
    country: "GB",
  },
  {
    name: "Daniel Reyes",
    email: "hm@loopwise.test",
    role: "hiring_manager",
    title: "Director of ML Engineering",
    timeZone: "Europe/London",
    country: "GB",
  },
  {
    name: "Aisha Bello",
    email: "aisha@loopwise.test",
    role: "interviewer",
    title: "Staff ML Engineer, Fraud",
    timeZone: "Europe/London",
    country: "GB",
  },
  {
    name: "Tomasz Nowak",
    email: "tomasz@loopwise.test",
    role: "interviewer",
    title: "Senior ML Engineer, Ranking",
    timeZone: "Europe/Berlin",
    country: "DE",
  },
  {
    name: "Mei Lin Chen",
    email: "mei@loopwise.test",
    role: "interviewer",
    title: "Staff ML Engineer, Search & Ranking",
    timeZone: "Europe/London",
    country: "GB",
  },
  {
    name: "Rafael Moreira",
    email: "rafael@loopwise.test",
    role: "interviewer",
    title: "SRE Lead, ML Platform",
    timeZone: "America/New_York",
    country: "US",
  },
  {
    name: "Siobhán Gallagher",
    email: "siobhan@loopwise.test",
    role: "interviewer",
    title: "Data Engineering Lead",
    timeZone: "Europe/London",
    country: "IE",
  },
  {
    name: "Kwame Asante",
    email: "kwame@loopwise.test",
    role: "interviewer",
    title: "Engineering Manager, Risk ML",
    timeZone: "Europe/London",
    country: "GB",
  },
  // Reads the fairness monitor's totals and produces bias-audit reports; decides on no candidate.
  {
    name: "Grace Mwangi",
    email: "compliance@loopwise.test",
    role: "compliance",
    title: "People Analytics & Compliance",
    timeZone: "Europe/London",
    country: "GB",
  },
];

export const positions: SeedPosition[] = [
  {
    key: "lml-fraud",
    title: "Lead ML Engineer, Fraud Platform",
    team: "Risk ML",
    location: "London / hybrid",
  },
  {
    key: "lml-ranking",
    title: "Lead ML Engineer, Search & Ranking",
    team: "Discovery",
    location: "Remote (UK/EU)",
  },
];

export const candidates: SeedCandidate[] = [
  // ── 1a. Complete loop, strong ──────────────────────────────────────────────────────────────
  {
    name: "Elena Petrova",
    email: "elena.petrova@example.com",
    positionKey: "lml-ranking",
    source: "referral",
    notes:
      "Senior ML Engineer on a travel marketplace's search team; owns the learning-to-rank service end to end. Referred by Mei, who worked with her previously. One-month notice period.",
    panelSummary:
      "Senior ML Engineer on a travel marketplace's search team; owns the learning-to-rank service end to end, from features to the online A/B tests. Worth probing: how she decides a ranking change is safe to ship, and what she has led beyond her own service.",
    addedDaysAgo: 30,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: -12,
          hour: 10,
          durationMinutes: 90,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 4,
                evidence:
                  "Split the ranker into a cheap candidate generator (ANN over item embeddings) and a GBDT re-ranker, with an explicit 120 ms p99 budget per stage. Named upstream outages of the click stream as the main failure mode and proposed serving the last good feature snapshot with a staleness flag.",
              },
              data_quality: {
                level: 3,
                evidence:
                  "Wanted a schema contract on the click/impression events and null-rate checks in the feature pipeline. Did not volunteer how late-arriving impressions would be joined until asked, then gave a sensible 24 h watermark.",
              },
              mlops_operations: {
                level: 4,
                evidence:
                  "Proposed shadow deployment for two weeks, then 5% canary gated on p99 latency < 80 ms and NDCG@10 within 1pt of control; rollback via registry alias flip. Training runs pinned by data snapshot id and git SHA in the registry.",
              },
              evaluation: {
                level: 4,
                evidence:
                  "Called out position bias in click logs and proposed inverse-propensity weighting for offline NDCG. Guardrails for the A/B: zero-result rate, latency and revenue per search, with a pre-registered minimum detectable effect.",
              },
              communication: {
                level: 4,
                evidence:
                  "Structured the whole session on the whiteboard with clear interfaces between components; checked assumptions with me before going deep.",
              },
            },
            signals: [
              { key: "shipped_operated_production" },
              { key: "fluent_monitoring_drift_rollback" },
              { key: "business_acceptance_criteria" },
            ],
            recommendation: "strong_yes",
            takeaways:
              "The most complete ranking design I have seen in this loop; she has clearly run one of these in production. Only gap was late-data handling, which she fixed as soon as it was raised.",
            submittedAfterHours: 4,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -10,
          hour: 14,
          durationMinutes: 60,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              mlops_operations: {
                level: 4,
                evidence:
                  "First asked what had deployed in the last 24 h (model, feature pipeline, client app), then checked the serving dashboards for error rates before touching the model. Mitigation: pin the previous model version while investigating.",
              },
              data_quality: {
                level: 4,
                evidence:
                  "Asked for per-feature null rates and found the price_bucket feature going 40% null after the upstream currency-service migration; explained how a silent default of 0 would push cheap items up.",
              },
              evaluation: {
                level: 4,
                evidence:
                  "Separated the metric drop by platform and locale and noticed it was concentrated on Android, so suspected a logging change before a model change.",
              },
            },
            signals: [{ key: "fluent_monitoring_drift_rollback" }, { key: "pragmatic_judgment" }],
            recommendation: "strong_yes",
            takeaways:
              "Calm, methodical investigation that went from symptoms to root cause in under 30 minutes. Would trust her on call on day one.",
            submittedAfterHours: 2,
          },
        },
        {
          stage: "code_review",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: -8,
          hour: 11,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 3,
                evidence:
                  "Flagged the missing unit tests for the feature transformer and the 300-line predict() function; suggested splitting I/O from scoring so it can be tested. Missed the mutable default argument in the config loader.",
              },
              mlops_operations: {
                level: 3,
                evidence:
                  "Noticed the model was loaded from a local path rather than the registry and asked for the version to be logged with each prediction. Did not comment on the absent latency metrics.",
              },
              data_quality: {
                level: 3,
                evidence:
                  "Caught that the training query used created_at > today - 30d without a fixed end date, so reruns are not reproducible.",
              },
            },
            signals: [{ key: "pragmatic_judgment" }],
            recommendation: "yes",
            takeaways: "Solid review that found most of the important defects; a few observability gaps were left for me to point out.",
            submittedAfterHours: 41,
          },
        },
        {
          stage: "leadership",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: -6,
          hour: 15,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              leadership: {
                level: 4,
                evidence:
                  "Described writing the team's model-launch checklist after a bad release and running fortnightly design reviews where juniors present; two of them now lead their own services.",
              },
              communication: {
                level: 3,
                evidence:
                  "Explained a trade-off she made with Product (shipping a simpler model two months earlier) in business terms. Answers were sometimes long; I had to steer her back to the question twice.",
              },
            },
            signals: [{ key: "mentoring_standards" }, { key: "sociotechnical_view" }],
            recommendation: "yes",
            takeaways: "Clear evidence of raising the bar for others. Slightly verbose, but nothing that would worry me in a lead role.",
            submittedAfterHours: 6,
          },
        },
      ],
    },
  },

  // ── 1b. Complete loop, mixed and SPLIT panel ───────────────────────────────────────────────
  {
    name: "Marcus Adeyemi",
    email: "marcus.adeyemi@example.org",
    positionKey: "lml-fraud",
    source: "sourced",
    notes:
      "ML Engineer at a payments start-up, built their first card-fraud model and the Kafka feature pipeline around it. Strong on data, less clear how much of the ops he owned. Three-month notice; open to hybrid in London.",
    panelSummary:
      "ML Engineer at a payments start-up; built their first card-fraud model and the Kafka feature pipeline around it. Strong on data. Worth probing: how much of the model's operation (monitoring, retraining, incidents) he owned himself.",
    addedDaysAgo: 28,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: -13,
          hour: 10,
          durationMinutes: 90,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 3,
                evidence:
                  "Designed a synchronous scoring path at authorisation time with a 50 ms budget and an async path for post-auth review. Reasonable interfaces, but the fallback when the feature store is down was only 'approve everything' until I pushed.",
              },
              data_quality: {
                level: 4,
                evidence:
                  "Excellent on label delay: chargebacks arrive up to 90 days later, so he proposed training on a matured window and tracking a separate early-proxy label. Proposed data contracts with the card-processing team including schema versioning.",
              },
              mlops_operations: {
                level: 3,
                evidence:
                  "Canary by merchant segment with a manual approval gate; rollback by redeploying the previous container. Monitoring covered score distribution but not feature drift.",
              },
              evaluation: {
                level: 3,
                evidence:
                  "Used precision at a fixed review-queue capacity as the offline metric, tied to analyst headcount. Online, only proposed comparing fraud losses month over month, no holdout.",
              },
              communication: {
                level: 3,
                evidence: "Clear, if a little quiet; drew the data flow before explaining it.",
              },
            },
            signals: [{ key: "business_acceptance_criteria" }, { key: "shipped_operated_production" }],
            recommendation: "yes",
            takeaways: "Strong data instincts for fraud specifically; operational side is adequate rather than deep.",
            submittedAfterHours: 5,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: -11,
          hour: 10,
          durationMinutes: 60,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              mlops_operations: {
                level: 2,
                evidence:
                  "Went straight to retraining the model on the last week of data. Only checked the deploy log when I asked what had changed, and could not say which model version was live.",
              },
              data_quality: {
                level: 2,
                evidence:
                  "Looked at feature distributions but treated the jump in nulls for merchant_category as 'probably noise' and moved on; it was the root cause.",
              },
              evaluation: {
                level: 2,
                evidence:
                  "Did not question whether the 20% drop was real or a label-delay artefact in the dashboard; accepted the metric at face value.",
              },
            },
            signals: [{ key: "vague_reproducibility_lineage" }, { key: "little_deployment_experience" }],
            recommendation: "no",
            takeaways:
              "In an incident he reaches for retraining before understanding what changed. Would not want him leading our on-call rotation yet.",
            submittedAfterHours: 58,
          },
        },
        {
          stage: "code_review",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: -9,
          hour: 14,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 3,
                evidence:
                  "Asked for tests around the feature join and a typed request model for the scoring endpoint. Good comments, though he skipped the dependency pinning issue.",
              },
              mlops_operations: {
                level: 3,
                evidence:
                  "Spotted that the model artefact path was hard-coded and suggested loading by registry alias; also asked for a request-id in the logs.",
              },
              data_quality: {
                level: 4,
                evidence:
                  "Found the training/serving skew immediately: training computed txn_count_24h in UTC, the endpoint in the merchant's local time. Also caught the left join that silently drops transactions without a device id.",
              },
            },
            signals: [{ key: "pragmatic_judgment" }],
            recommendation: "yes",
            takeaways: "Best data-quality review we have had in this loop. Engineering comments were sensible if not exhaustive.",
            submittedAfterHours: 20,
          },
        },
        {
          stage: "leadership",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -7,
          hour: 11,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              leadership: {
                level: 4,
                evidence:
                  "Onboarded two data scientists to the feature pipeline and wrote the team's first runbook. Talked about choosing a boring logistic-regression baseline to get buy-in from Risk Ops.",
              },
              communication: {
                level: 4,
                evidence:
                  "Explained a disagreement with the fraud-ops lead about review thresholds and how he settled it with a weekly shared dashboard.",
              },
            },
            signals: [{ key: "sociotechnical_view" }, { key: "mentoring_standards" }],
            recommendation: "yes",
            takeaways: "Collaborative and well liked by non-ML partners, from the examples he gave. Good lead material.",
            submittedAfterHours: 1,
          },
        },
      ],
    },
  },

  // ── 2. Complete loop with a RED FLAG on an otherwise decent candidate ─────────────────────
  {
    name: "Julien Marchand",
    email: "julien.marchand@example.com",
    positionKey: "lml-fraud",
    source: "agency",
    notes:
      "Lead Data Scientist at an insurance company, moving towards engineering; strong modelling background and has led a team of four. Via Northbridge Talent. Available after a two-month notice.",
    panelSummary:
      "Lead Data Scientist at an insurer, moving towards engineering; strong modelling and has led a team of four. Worth probing: production engineering depth (serving, testing, on-call) rather than modelling.",
    addedDaysAgo: 26,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: -12,
          hour: 13,
          durationMinutes: 90,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 3,
                evidence:
                  "Sensible end-to-end shape: Kafka events, Flink aggregates into an online store, gradient-boosted model behind a gRPC service. Named the feature store as the single point of failure.",
              },
              data_quality: {
                level: 3,
                evidence: "Proposed Great Expectations checks on the nightly training snapshot and a schema registry for events.",
              },
              mlops_operations: {
                level: 1,
                evidence:
                  "Had no rollout plan beyond 'deploy on Monday and watch'. When asked how to back out a bad model he said retraining and pushing forward was simpler than keeping the old version around.",
              },
              evaluation: {
                level: 3,
                evidence: "Good on offline leakage: insisted on time-based splits and excluding post-authorisation features from training.",
              },
            },
            signals: [
              {
                key: "no_rollback_strategy",
                note: "Asked how he'd recover from a model that started blocking good customers, he said: \"We wouldn't roll back — we'd retrain on fresh data and push a new version. Keeping the old model deployed just adds complexity.\" Did not revise this when I described a Friday-night incident.",
              },
            ],
            recommendation: "no",
            takeaways:
              "Good architecture instincts, but no concept of safe rollout or rollback, which is the core of the job on a fraud platform.",
            submittedAfterHours: 55,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -10,
          hour: 10,
          durationMinutes: 60,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              mlops_operations: {
                level: 3,
                evidence:
                  "Asked for the deploy log early. His mitigation was to hot-fix the feature pipeline; he only mentioned pinning the previous model version once prompted.",
              },
              data_quality: {
                level: 4,
                evidence:
                  "Quickly found that the device_fingerprint feature had flipped to a new hashing scheme upstream and that the online store mixed old and new values for 12 hours.",
              },
              evaluation: {
                level: 4,
                evidence:
                  "Checked whether the drop showed up in matured labels or only in the proxy label, and segmented by merchant to rule out a single large merchant.",
              },
            },
            signals: [{ key: "pragmatic_judgment" }],
            recommendation: "yes",
            takeaways: "Very sharp on data root causes. Mitigation instinct is to fix forward, which is worth probing.",
            submittedAfterHours: 3,
          },
        },
        {
          stage: "code_review",
          interviewerEmail: "tomasz@loopwise.test",
          dayOffset: -8,
          hour: 15,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 3,
                evidence:
                  "Asked for tests on the scoring function and pointed out the bare except that swallows model-loading errors. Suggested a small interface for feature fetching.",
              },
              mlops_operations: {
                level: 2,
                evidence:
                  "Did not notice that the model version is never logged or that there is no health check; when asked about metrics he suggested 'adding some logging'.",
              },
              data_quality: {
                level: 3,
                evidence: "Caught the missing null handling on amount_eur and the implicit float cast of the merchant id.",
              },
            },
            signals: [{ key: "offline_metrics_only" }],
            recommendation: "yes",
            takeaways: "Decent code reviewer; operational concerns are an afterthought for him.",
            submittedAfterHours: 18,
          },
        },
        {
          stage: "leadership",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: -7,
          hour: 14,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              leadership: {
                level: 3,
                evidence:
                  "Runs weekly 1:1s with four data scientists and introduced a peer-review rule for notebooks going to production. Clear about how he makes decisions and documents them.",
              },
              communication: {
                level: 3,
                evidence: "Explained a pricing-model trade-off to an underwriting audience without jargon. Good listener.",
              },
            },
            signals: [{ key: "mentoring_standards" }],
            recommendation: "yes",
            takeaways: "A capable people lead. Would need support on the engineering-operations side of the role.",
            submittedAfterHours: 9,
          },
        },
      ],
    },
  },

  // ── 3. Complete loop, CLOSED with a no-hire decision ──────────────────────────────────────
  {
    name: "Gregory Hall",
    email: "greg.hall@example.net",
    positionKey: "lml-ranking",
    source: "inbound",
    notes:
      "Applied via the careers page. Research Engineer at an ad-tech company, two NeurIPS workshop papers on neural ranking. No notice constraints.",
    panelSummary:
      "Research Engineer at an ad-tech company with two workshop papers on neural ranking. Worth probing: shipping and operating models, not only training them; trade-offs he has made for latency or cost.",
    addedDaysAgo: 35,
    loop: {
      status: "closed",
      decision: {
        decision: "no_hire",
        rationale:
          "Every interviewer recommended no: the system design had no rollout, monitoring or latency budget, and in the debugging case he proposed retraining a larger model without checking the deploy or feature logs. His strengths are in offline modelling, and he could not tie any of his work to a business outcome. This role needs production ownership first.",
        byEmail: "hm@loopwise.test",
        dayOffset: -2,
      },
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "tomasz@loopwise.test",
          dayOffset: -14,
          hour: 10,
          durationMinutes: 90,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 2,
                evidence:
                  "Spent 40 minutes on a two-tower transformer architecture; serving was 'a GPU box behind an API', with no latency budget or fallback.",
              },
              data_quality: {
                level: 2,
                evidence: "Assumed the click logs are clean; mentioned deduplication only when asked about bots.",
              },
              mlops_operations: {
                level: 2,
                evidence:
                  "Retraining was a manual notebook run; no registry, no canary. Knew the words 'shadow traffic' but could not say what he would compare.",
              },
              evaluation: {
                level: 1,
                evidence:
                  "Offline NDCG on a random split of the logs was the only acceptance criterion; did not see the leakage from users appearing in both splits.",
              },
            },
            signals: [{ key: "offline_metrics_only" }, { key: "novelty_over_maintainability" }],
            recommendation: "no",
            takeaways: "A strong modeller, but the design stopped at the model. Nothing about operating it.",
            submittedAfterHours: 22,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: -12,
          hour: 14,
          durationMinutes: 60,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              mlops_operations: {
                level: 2,
                evidence:
                  "Proposed retraining a bigger model as the first step; looked at the deploy log only after 35 minutes, when I pointed at it.",
              },
              data_quality: {
                level: 2,
                evidence:
                  "Checked feature means but not null rates, so missed the upstream field rename that nulled the query-category feature.",
              },
              evaluation: {
                level: 1,
                evidence: "Could not explain why online CTR might fall while offline NDCG on yesterday's data still looked fine.",
              },
            },
            signals: [{ key: "little_deployment_experience" }, { key: "offline_metrics_only" }],
            recommendation: "no",
            takeaways: "Did not have an incident playbook; treated a production regression as a modelling problem.",
            submittedAfterHours: 7,
          },
        },
        {
          stage: "code_review",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -11,
          hour: 15,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 2,
                evidence:
                  "Comments were mostly style (variable names, line length). Did not ask for tests and approved the 200-line function as-is.",
              },
              mlops_operations: {
                level: 3,
                evidence: "Did suggest logging the model version and input shape per request, and asked where the artefact comes from.",
              },
              data_quality: {
                level: 3,
                evidence:
                  "Noticed the missing-value imputation differs between the training script and the endpoint, though he called it 'minor'.",
              },
            },
            signals: [],
            recommendation: "no",
            takeaways: "Found a couple of the real issues but his verdict was 'approve'. Not yet a reviewer who sets standards.",
            submittedAfterHours: 2,
          },
        },
        {
          stage: "leadership",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: -9,
          hour: 10,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              leadership: {
                level: 2,
                evidence:
                  "No examples of mentoring beyond answering questions on Slack. When a project he led was cancelled he attributed it to 'product not understanding the model'.",
              },
              communication: {
                level: 2,
                evidence: "Explained his paper clearly but could not say what the ranking change did for revenue or retention.",
              },
            },
            signals: [{ key: "no_business_terms" }],
            recommendation: "no",
            takeaways: "Individual researcher profile; not ready to lead a team that owns a production service.",
            submittedAfterHours: 12,
          },
        },
      ],
    },
  },

  // ── 3b. CLOSED, hired on rubric v1 with software engineering at 2 ─────────────────────────
  // S is 3.22 (Hire) with no gate under v1; v2's floor on software engineering would have ruled
  // the Hire band out. Its impact preview shows this candidate.
  {
    name: "Callum Fraser",
    email: "callum.fraser@example.org",
    positionKey: "lml-fraud",
    source: "sourced",
    notes: "Sourced on LinkedIn. Staff Data Scientist at an insurer; built their claims-fraud model and the team's first on-call rota.",
    addedDaysAgo: 32,
    loop: {
      status: "closed",
      decision: {
        decision: "hire",
        rationale:
          "Strongest system design and incident handling we have seen this quarter. The code review showed real gaps in engineering rigour: he approved the pull request with the logged card tokens still in it. His onboarding pairs him with a senior engineer on reviews for the first quarter.",
        byEmail: "hm@loopwise.test",
        dayOffset: -6,
      },
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: -20,
          hour: 10,
          durationMinutes: 75,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 4,
                evidence:
                  "Split the 60 ms budget per hop unprompted (20 ms features with 15 ms timeouts, 5 ms scoring, 25 ms margin), set thresholds by expected cost from the fact sheet, and a rules-only mode fraud ops can switch on.",
              },
              data_quality: {
                level: 3,
                evidence:
                  "One feature definition for stream and backfill; point-in-time joins; contracts with the payments stream owners on schema and freshness.",
              },
              mlops_operations: {
                level: 4,
                evidence:
                  "Shadow, canary by traffic share, automatic rollback when the decline rate rises 0.2 points over the control for 10 minutes.",
              },
              evaluation: {
                level: 4,
                evidence:
                  "Value-weighted recall at the operating point, and an exploration holdout capped at EUR 50 so declined payments still get labels.",
              },
            },
            signals: [{ key: "business_acceptance_criteria" }],
            recommendation: "strong_yes",
            takeaways: "Designed it as someone who has been paged for it.",
            submittedAfterHours: 3,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: -18,
          hour: 14,
          durationMinutes: 50,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              mlops_operations: {
                level: 3,
                evidence:
                  "Set severity from customers stepped up, built the timeline from the change log, routed web payments to the rules engine as the mitigation.",
              },
              data_quality: {
                level: 4,
                evidence:
                  "Segmented the amount features by channel, found the minor-units change from producer v5, and asked for units in the contract, checked in checkout's CI.",
              },
              evaluation: {
                level: 3,
                evidence: "Used step-up precision from analyst labels and decline rate by channel as proxies while chargebacks mature.",
              },
            },
            signals: [{ key: "shipped_operated_production" }],
            recommendation: "yes",
            takeaways: "Methodical; found the cause in 30 minutes.",
            submittedAfterHours: 20,
          },
        },
        {
          stage: "code_review",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: -17,
          hour: 11,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 2,
                evidence:
                  "Caught the model loaded per request and the missing input validation, but approved the pull request with the card token still written to the INFO log; no view on what to test.",
              },
              mlops_operations: {
                level: 3,
                evidence: "Asked for the model version in every response and a readiness check tied to the loaded artefact.",
              },
              data_quality: {
                level: 3,
                evidence: "Flagged the imputation that differs between the training script and the endpoint.",
              },
            },
            signals: [],
            recommendation: "yes",
            takeaways:
              "Reviews like a data scientist: the ML issues found, the engineering ones mostly not. Coachable, if the rest of the loop is strong.",
            submittedAfterHours: 4,
          },
        },
        {
          stage: "leadership",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: -15,
          hour: 10,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              leadership: {
                level: 3,
                evidence:
                  "Coached an analyst into owning the weekly model review; the on-call rota he set up is still running two years on.",
              },
              communication: {
                level: 4,
                evidence: "Wrote the incident update for the claims director in three sentences, with the decision he needed from her.",
              },
            },
            signals: [{ key: "mentoring_standards" }],
            recommendation: "yes",
            takeaways: "Clear and calm; brings people with him.",
            submittedAfterHours: 6,
          },
        },
      ],
    },
  },

  // ── 4. Two submitted, one owed, one upcoming ─────────────────────────────────────────────
  {
    name: "Sofia Lindqvist",
    email: "sofia.lindqvist@example.org",
    positionKey: "lml-ranking",
    source: "sourced",
    notes:
      "Senior ML Engineer on a Stockholm music-streaming company's recommendations platform; led their migration from batch to real-time features. Based in Sweden, remote only. Has a competing offer, decision needed within two weeks.",
    panelSummary:
      "Senior ML Engineer on a music-streaming recommendations platform; led its move from batch to real-time features. Worth probing: how she ran that migration across teams, and how she measured that it paid off.",
    addedDaysAgo: 20,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: -7,
          hour: 10,
          durationMinutes: 90,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 3,
                evidence:
                  "Clean two-stage design with a feature store shared by training and serving; set a 150 ms p99 SLO. Failure modes covered, but only one fallback (popularity list).",
              },
              data_quality: {
                level: 3,
                evidence:
                  "Described point-in-time joins to avoid leakage in training data and a contract on the session events with the app team.",
              },
              mlops_operations: {
                level: 3,
                evidence:
                  "Blue/green deployment with automatic rollback on error rate; weekly retrain via Airflow with the data snapshot recorded in MLflow.",
              },
              evaluation: {
                level: 4,
                evidence:
                  "Proposed interleaving for fast ranking comparisons before a full A/B, and a long-term holdout to catch novelty effects. Guardrails on catalogue coverage and latency.",
              },
            },
            signals: [{ key: "shipped_operated_production" }, { key: "fluent_monitoring_drift_rollback" }],
            recommendation: "yes",
            takeaways: "Solid, experienced design; especially strong on online evaluation.",
            submittedAfterHours: 8,
          },
        },
        {
          stage: "code_review",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -5,
          hour: 13,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 4,
                evidence:
                  "Asked for the scoring logic to be pulled out of the FastAPI handler with unit tests, flagged the unpinned numpy version and the global mutable model cache.",
              },
              mlops_operations: {
                level: 4,
                evidence:
                  "Requested Prometheus histograms for latency per model version and a readiness probe that actually loads the model.",
              },
              data_quality: {
                level: 3,
                evidence: "Spotted that unknown categories map to index 0, which collides with a real category.",
              },
            },
            signals: [{ key: "pragmatic_judgment" }, { key: "mentoring_standards" }],
            recommendation: "strong_yes",
            takeaways: "Reviewed like a lead: prioritised the findings and explained the why to the author.",
            submittedAfterHours: 1,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: -2,
          hour: 11,
          durationMinutes: 60,
          status: "completed",
        },
        {
          stage: "leadership",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: 3,
          hour: 10,
          durationMinutes: 45,
          status: "scheduled",
        },
      ],
    },
  },

  // ── 4b. One of three in: a band that is only provisional, from a lenient interviewer ───────
  {
    name: "Anneliese Marguerite Okonkwo-Vandenberghe",
    email: "anneliese.okonkwo@example.net",
    positionKey: "lml-ranking",
    source: "referral",
    notes:
      "Staff ML Engineer at an Amsterdam travel marketplace, owns hotel ranking and its experimentation platform. Referred by a former colleague on the Search team.",
    addedDaysAgo: 14,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -4,
          hour: 10,
          durationMinutes: 90,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              ml_system_design: {
                level: 4,
                evidence:
                  "Designed retrieval and re-ranking with a 100 ms p99 budget split per stage, a shared feature store, and a fallback to the last good model per market.",
              },
              data_quality: {
                level: 3,
                evidence:
                  "Point-in-time joins for booking labels and a freshness check on the price feed; no contract with the upstream team.",
              },
              mlops_operations: {
                level: 3,
                evidence: "Shadow deployment then a canary by market, with rollback on conversion and latency guardrails.",
              },
              evaluation: {
                level: 3,
                evidence: "Offline NDCG with position-bias correction, then an A/B test on bookings; did not discuss interleaving.",
              },
            },
            signals: [{ key: "shipped_operated_production" }],
            recommendation: "yes",
            takeaways: "Confident designer; the rest of the panel should probe evaluation depth.",
            submittedAfterHours: 3,
          },
        },
        {
          stage: "debugging",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: -1,
          hour: 14,
          durationMinutes: 60,
          status: "completed",
        },
        {
          stage: "leadership",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: 4,
          hour: 11,
          durationMinutes: 45,
          status: "scheduled",
        },
      ],
    },
  },

  // ── 5. One past interview with a DRAFT scorecard, three upcoming ──────────────────────────
  {
    name: "Maximilian Alexander von Hohenberg-Castellanos",
    email: "maximilian.vonhohenberg@example.org",
    positionKey: "lml-fraud",
    source: "agency",
    notes:
      "Principal ML Engineer at a Madrid-based bank's anti-money-laundering team; built their transaction-monitoring models under strict model-risk governance. Via Harbourline Recruitment. Relocating to London in the spring; six-week notice.",
    addedDaysAgo: 14,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "debugging",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: -1,
          hour: 15,
          durationMinutes: 60,
          status: "completed",
          scorecard: {
            status: "draft",
            ratings: {
              data_quality: {
                level: 3,
                evidence: "Asked for the data-freshness table early and spotted the stale exchange-rate partition.",
              },
              evaluation: {
                level: 3,
                evidence: "Checked whether the drop was in matured labels or the proxy label. (finish notes)",
              },
            },
            signals: [{ key: "fluent_monitoring_drift_rollback" }],
            recommendation: null,
            takeaways: "TODO: write up mitigation discussion before submitting.",
          },
        },
        {
          stage: "system_design",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: 2,
          hour: 14,
          durationMinutes: 90,
          status: "scheduled",
        },
        {
          stage: "code_review",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: 4,
          hour: 11,
          durationMinutes: 45,
          status: "scheduled",
        },
        {
          stage: "leadership",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: 5,
          hour: 10,
          durationMinutes: 45,
          status: "scheduled",
        },
      ],
    },
  },

  // ── 6a. All upcoming, including a take-home ──────────────────────────────────────────────
  {
    name: "Nadia Rahman",
    email: "nadia.rahman@example.com",
    positionKey: "lml-fraud",
    source: "internal",
    notes:
      "Internal applicant: Senior Data Engineer on the Payments team for three years, built the transaction event pipeline the fraud models consume. Her manager supports the move; no notice period.",
    panelSummary:
      "Internal: Senior Data Engineer on Payments for three years; built the transaction event pipeline the fraud models read. Worth probing: modelling and evaluation judgement, which her current role uses less.",
    addedDaysAgo: 10,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "take_home",
          interviewerEmail: "tomasz@loopwise.test",
          dayOffset: 2,
          hour: 9,
          durationMinutes: 60,
          status: "scheduled",
        },
        {
          stage: "system_design",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: 4,
          hour: 13,
          durationMinutes: 90,
          status: "scheduled",
        },
        {
          stage: "debugging",
          interviewerEmail: "rafael@loopwise.test",
          dayOffset: 6,
          hour: 12,
          durationMinutes: 60,
          status: "scheduled",
        },
        {
          stage: "code_review",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: 8,
          hour: 10,
          durationMinutes: 45,
          status: "scheduled",
        },
        {
          stage: "leadership",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: 11,
          hour: 14,
          durationMinutes: 45,
          status: "scheduled",
        },
      ],
    },
  },

  // ── 6b. All upcoming ─────────────────────────────────────────────────────────────────────
  {
    name: "Lucas Ferreira",
    email: "lucas.ferreira@example.com",
    positionKey: "lml-ranking",
    source: "referral",
    notes:
      "Staff Engineer at a Lisbon e-commerce company, tech lead for product search relevance (Elasticsearch + LambdaMART). Referred by Tomasz. Wants to stay in Portugal; one-month notice.",
    addedDaysAgo: 9,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: 1,
          hour: 14,
          durationMinutes: 90,
          status: "scheduled",
        },
        {
          stage: "debugging",
          interviewerEmail: "tomasz@loopwise.test",
          dayOffset: 3,
          hour: 11,
          durationMinutes: 60,
          status: "scheduled",
        },
        {
          stage: "code_review",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: 5,
          hour: 10,
          durationMinutes: 45,
          status: "scheduled",
        },
        {
          stage: "leadership",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: 7,
          hour: 15,
          durationMinutes: 45,
          status: "scheduled",
        },
      ],
    },
  },

  // ── 7. Cancelled interview, re-scheduled with another interviewer ─────────────────────────
  {
    name: "Hyun-woo Park",
    email: "hyunwoo.park@example.org",
    positionKey: "lml-ranking",
    source: "sourced",
    notes:
      "ML Engineer II at a Berlin food-delivery company, owns the restaurant ranking service and its on-call rotation. Sourced on LinkedIn. Needs visa sponsorship for the UK but happy to work remotely from Germany.",
    panelSummary:
      "ML Engineer II at a food-delivery company; owns the restaurant ranking service and its on-call rotation. Worth probing: whether he has set direction for others yet, the step from owning a service to leading.",
    addedDaysAgo: 22,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "debugging",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: -7,
          hour: 11,
          durationMinutes: 60,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              mlops_operations: {
                level: 3,
                evidence:
                  "Checked the deploy log and model registry history first, then rolled back to the previous model alias as a mitigation while investigating.",
              },
              data_quality: {
                level: 4,
                evidence:
                  "Asked for the feature freshness table and found that the delivery_eta feature had stopped updating after a failed Airflow backfill; proposed a freshness SLO with alerting per feature group.",
              },
              evaluation: {
                level: 3,
                evidence: "Compared online CTR by city to rule out a regional outage; did not question the metric definition itself.",
              },
            },
            signals: [{ key: "shipped_operated_production" }, { key: "fluent_monitoring_drift_rollback" }],
            recommendation: "yes",
            takeaways: "Has clearly been on call for a ranking system. Systematic and calm.",
            submittedAfterHours: 16,
          },
        },
        {
          stage: "system_design",
          interviewerEmail: "aisha@loopwise.test",
          dayOffset: -5,
          hour: 10,
          durationMinutes: 90,
          status: "cancelled",
        },
        {
          stage: "code_review",
          interviewerEmail: "kwame@loopwise.test",
          dayOffset: -4,
          hour: 15,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              software_engineering: {
                level: 4,
                evidence:
                  "Requested tests for the ranking feature builder with fixed fixtures, and suggested replacing the dict-of-dicts config with a validated dataclass.",
              },
              mlops_operations: {
                level: 4,
                evidence:
                  "Asked for a model-version label on every metric and for the batch job to fail loudly instead of writing an empty ranking table.",
              },
              data_quality: {
                level: 4,
                evidence: "Caught the timezone-naive timestamp comparison that would leak next-day orders into the training window.",
              },
            },
            signals: [{ key: "pragmatic_judgment" }],
            recommendation: "strong_yes",
            takeaways: "Thorough, well-prioritised review. Great candidate.",
            submittedAfterHours: 2,
          },
        },
        {
          stage: "leadership",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: -3,
          hour: 11,
          durationMinutes: 45,
          status: "completed",
          scorecard: {
            status: "submitted",
            ratings: {
              leadership: {
                level: 3,
                evidence:
                  "Led the post-incident review after a ranking outage and turned it into an on-call checklist; mentors one graduate engineer.",
              },
              communication: {
                level: 3,
                evidence: "Explained the trade-off between freshness and cost of hourly retraining in terms Product could act on.",
              },
            },
            signals: [{ key: "sociotechnical_view" }],
            recommendation: "yes",
            takeaways: "Not yet leading a team formally, but already behaves like a lead in incidents.",
            submittedAfterHours: 10,
          },
        },
        {
          stage: "system_design",
          interviewerEmail: "tomasz@loopwise.test",
          dayOffset: 2,
          hour: 14,
          durationMinutes: 90,
          status: "scheduled",
        },
      ],
    },
  },

  // ── 7b. Three scorecards owed at once: the interviewers' week (reminders, a phone scorecard) ─
  {
    name: "Inês Duarte",
    email: "ines.duarte@example.com",
    positionKey: "lml-fraud",
    source: "inbound",
    notes:
      "Lead ML Engineer at a Porto payments start-up; built their chargeback model and its feature store. Applied after a conference talk on delayed labels.",
    addedDaysAgo: 12,
    loop: {
      status: "open",
      interviews: [
        {
          stage: "system_design",
          interviewerEmail: "mei@loopwise.test",
          dayOffset: -3,
          hour: 9,
          durationMinutes: 90,
          status: "completed",
        },
        {
          stage: "debugging",
          interviewerEmail: "tomasz@loopwise.test",
          dayOffset: -2,
          hour: 13,
          durationMinutes: 60,
          status: "completed",
        },
        {
          stage: "leadership",
          interviewerEmail: "siobhan@loopwise.test",
          dayOffset: -1,
          hour: 15,
          durationMinutes: 45,
          status: "completed",
        },
      ],
    },
  },

  // ── 8. New candidate, no loop yet ────────────────────────────────────────────────────────
  {
    name: "Amara Nwosu",
    email: "amara.nwosu@example.com",
    positionKey: "lml-fraud",
    source: "inbound",
    notes:
      "Applied via the careers page. Senior MLOps Engineer at a London insurtech, runs their model registry and CI for 30+ models. Screening call booked for next week.",
    addedDaysAgo: 2,
  },
];
