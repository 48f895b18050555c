// Builders for unit and integration tests. Each test runs on its own fresh in-memory database
// (tests/setup/unit-env.ts), so these insert freely.
import { eq } from "drizzle-orm";
import {
  addComment,
  createAssignment,
  getAssignment,
  listComments,
  saveCommentDraft,
  saveSummary,
  startAssignment,
} from "#app/models/assignment.server";
import { createCandidate, updateCandidate } from "#app/models/candidate.server";
import { NO_DECISIONS } from "#app/models/code-review-scoring";
import { recordDecision } from "#app/models/decision.server";
import { loadExercises } from "#app/models/exercise.server";
import { scheduleLoop } from "#app/models/loop.server";
import { getLoopRecommendation } from "#app/models/recommendation.server";
import { moveComment, saveGrade } from "#app/models/review-grade.server";
import { loadRubrics } from "#app/models/rubric.server";
import { saveScorecard } from "#app/models/scorecard.server";
import { recordSelfIdentification } from "#app/models/self-identification.server";
import {
  candidates,
  exercises,
  interviews,
  loops,
  positions,
  reviewGradeItems,
  users,
  type InterviewStatus,
  type Role,
  type StageKey,
} from "#db/schema";
import { db } from "#app/utils/db.server";
import { hashPassword } from "#app/utils/password.server";
import { setRequestTime, systemNow } from "#app/utils/clock.server";
import { startSession } from "#app/auth/session.server";
import { RouterContextProvider } from "react-router";

let counter = 0;
const PASSWORD_HASH = hashPassword("correct horse battery");

export async function makeUser(role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  counter += 1;
  return db()
    .insert(users)
    .values({
      name: `Test ${role} ${counter}`,
      email: `${role}.${counter}@loopwise.test`,
      role,
      passwordHash: await PASSWORD_HASH,
      timeZone: "Europe/London",
      ...overrides,
    })
    .returning()
    .get();
}

/** Rubrics and kits loaded, one open position: what every loop needs. */
export function makeOrganisation() {
  const [rubric] = loadRubrics({ now: systemNow() });
  loadExercises({ now: systemNow() });
  const position = db()
    .insert(positions)
    .values({
      key: `pos-${++counter}`,
      title: "Lead ML Engineer, Fraud Platform",
      team: "Risk ML",
      location: "London",
      rubricVersionId: rubric!.id,
    })
    .returning()
    .get();
  return { rubricVersionId: rubric!.id, position };
}

/**
 * A candidate with an open loop scheduled by `scheduledById`: one interview per plan, `hoursFromNow`
 * negative for one in the past. Recruiter notes are set, so tests can check they never leak.
 */
export function makeLoop({
  positionId,
  rubricVersionId,
  scheduledById,
  plans,
}: {
  positionId: number;
  rubricVersionId: number;
  scheduledById: number;
  plans: { stage: StageKey; interviewerId: number; hoursFromNow: number; durationMinutes?: number; status?: InterviewStatus }[];
}) {
  counter += 1;
  const candidate = db()
    .insert(candidates)
    .values({
      name: `Candidate ${counter}`,
      email: `candidate.${counter}@example.com`,
      positionId,
      source: "referral",
      notes: "Recruiter note: expects 20% more than the band.",
    })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId, createdById: scheduledById }).returning().get();
  const rows = plans.map((p) =>
    db()
      .insert(interviews)
      .values({
        loopId: loop.id,
        stage: p.stage,
        interviewerId: p.interviewerId,
        scheduledAt: new Date(systemNow().getTime() + p.hoursFromNow * 3600_000),
        durationMinutes: p.durationMinutes ?? 60,
        status: p.status ?? "scheduled",
      })
      .returning()
      .get(),
  );
  return { candidate, loop, interviews: rows };
}

/** A request as the browser would send it, signed in as `userId` when given. */
export async function request(
  path: string,
  { userId, form, method }: { userId?: number; form?: Record<string, string>; method?: string } = {},
) {
  const headers = new Headers();
  if (userId) headers.set("Cookie", (await startSession(userId)).split(";")[0]!);
  const body = form ? new URLSearchParams(form) : undefined;
  if (body) headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${path}`, { method: method ?? (form ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns the thrown or returned Response/data uniformly. */
export async function run<T>(fn: () => Promise<T> | T): Promise<{ response?: Response; data?: T }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { response: result };
    // react-router's data() wraps as { type: "DataWithResponseInit", data, init }
    return { data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { response: thrown };
    throw thrown;
  }
}

/** The router context a loader or action receives, handled at `now` (the frozen test clock by default). */
export function routeContext(now: Date = systemNow()) {
  const context = new RouterContextProvider();
  setRequestTime(context, now);
  return context;
}

/** The arguments a loader or action is called with, as the router would pass them. */
export function routeArgs(request: Request, params: Record<string, string> = {}, now?: Date) {
  return { request, params, context: routeContext(now) } as never;
}

/**
 * A candidate with something in every place a candidate's data lives, made through the models so
 * the audit log holds its usual entries: an edit of their notes and summary for the panel, a loop of two past interviews with
 * submitted scorecards (evidence, a red flag's note, take-aways), a code review (a comment the
 * grader moved, a draft comment, a summary, a grade with a note) and a decision. Every piece of free text mentions their name or email.
 */
export async function makeCandidateWithHistory({ name, email }: { name: string; email: string }, now: Date = systemNow()) {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const designer = await makeUser("interviewer");
  const reviewer = await makeUser("interviewer");
  const candidate = createCandidate(
    hm,
    { name, email, positionId: position.id, source: "referral", notes: `${name} prefers calls; write to ${email}.` },
    now,
  );
  updateCandidate(
    hm,
    candidate.id,
    {
      name,
      email,
      positionId: position.id,
      source: "referral",
      notes: `${name} prefers email: ${email}.`,
      panelSummary: `${name} leads a ranking team; probe their online evaluation.`,
    },
    now,
  );
  const exercise = db().select().from(exercises).where(eq(exercises.slug, "fraud-scoring-endpoint")).get()!;
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
  const loop = scheduleLoop(hm, {
    candidateId: candidate.id,
    rubricVersionId,
    interviews: [
      { stage: "system_design", interviewerId: designer.id, scheduledAt: hoursAgo(30), durationMinutes: 60, exerciseId: null },
      { stage: "code_review", interviewerId: reviewer.id, scheduledAt: hoursAgo(26), durationMinutes: 45, exerciseId: exercise.id },
    ],
    now,
  });
  const [design, review] = db().select().from(interviews).where(eq(interviews.loopId, loop.id)).orderBy(interviews.scheduledAt).all();
  const mention = `${name} (${email})`;
  saveScorecard(designer, {
    interviewId: design!.id,
    interviewerId: designer.id,
    rubricVersionId,
    value: {
      rating: { ml_system_design: "2", data_quality: "3", mlops_operations: "3", evaluation: "3" },
      evidence: Object.fromEntries(
        ["ml_system_design", "data_quality", "mlops_operations", "evaluation"].map((k) => [k, `${mention} on ${k}.`]),
      ),
      signals: ["dismisses_monitoring"],
      note: { dismisses_monitoring: `${mention} said monitoring can wait.` },
      recommendation: "no",
      takeaways: `${mention}: not yet.`,
    } as never,
    submit: true,
    amend: false,
    now,
  });
  const assignmentId = createAssignment(hm, { interviewId: review!.id, timeLimitMinutes: 40, extraTimePercent: 100 }, now).id;
  startAssignment(assignmentId, hoursAgo(26));
  addComment(
    assignmentId,
    { filePath: "fraud_service/api.py", line: 12, body: `${mention} thinks the model loads per request.` },
    hoursAgo(25.9),
  );
  saveCommentDraft(assignmentId, { filePath: "fraud_service/api.py", line: 20, body: `${mention} was typing this.` }, hoursAgo(25.8));
  saveSummary(assignmentId, { summary: `Summary by ${mention}.`, verdict: "request_changes", revision: 0, submit: true }, hoursAgo(25.7));
  const grade = saveGrade(reviewer, getAssignment(assignmentId)!, NO_DECISIONS, now);
  moveComment(reviewer, getAssignment(assignmentId)!, { commentId: listComments(assignmentId)[0]!.id, to: null }, now);
  db()
    .insert(reviewGradeItems)
    .values({ gradeId: grade.id, decision: "credited", note: `Credited to ${mention}.` })
    .run();
  saveScorecard(reviewer, {
    interviewId: review!.id,
    interviewerId: reviewer.id,
    rubricVersionId,
    value: {
      rating: { software_engineering: "3", mlops_operations: "2", data_quality: "3" },
      evidence: Object.fromEntries(["software_engineering", "mlops_operations", "data_quality"].map((k) => [k, `${mention} on ${k}.`])),
      signals: [],
      note: {},
      recommendation: "no",
      takeaways: `${mention}: solid reviewer.`,
    } as never,
    submit: true,
    amend: false,
    now,
  });
  const recommendation = getLoopRecommendation(loop, now)!;
  const decided = recordDecision(hm, {
    loopId: loop.id,
    decision: "no_hire",
    rationale: `${mention} is not ready.`,
    acknowledged: true,
    recommendation,
    now,
  });
  if (!decided.ok) throw new Error(decided.message);
  // Their voluntary self-identification, with a question answered "prefer not" and one left blank.
  recordSelfIdentification(candidate.id, { sex: "female", raceEthnicity: "prefer_not", disability: null, veteran: "not_veteran" }, now);
  // Rows of the other exercises' tables and of reminder emails, written directly against the same
  // assignment and interview (only the tables' shape matters here): every one mentions the candidate.
  const client = db().$client;
  client
    .prepare("insert into incident_runs (assignment_id, mode, root_cause, mitigation, prevention) values (?, 'candidate_link', ?, ?, ?)")
    .run(assignmentId, `Root cause per ${mention}.`, `${mention} would roll back.`, `${mention} would add contracts.`);
  client
    .prepare("insert into incident_steps (assignment_id, at, kind, text) values (?, ?, 'hypothesis', ?)")
    .run(assignmentId, now.getTime(), `${mention} suspects the join.`);
  client
    .prepare("insert into take_home_submissions (assignment_id, repository_url, notes, submitted_at) values (?, ?, ?, ?)")
    .run(assignmentId, `https://git.example/${email}`, `Notes from ${mention}.`, now.getTime());
  client
    .prepare("insert into take_home_grades (assignment_id, grader_id, checked, notes, saved_at) values (?, ?, '[]', ?, ?)")
    .run(assignmentId, reviewer.id, `Graded ${mention}.`, now.getTime());
  const email_ = client
    .prepare(
      "insert into outbox (to_address, to_name, subject, body, status, created_at) values (?, ?, ?, ?, 'outbox_only', ?) returning id",
    )
    .get(reviewer.email, reviewer.name, `Scorecard owed: ${name}`, `Your scorecard for ${mention} is owed.`, now.getTime()) as {
    id: number;
  };
  client
    .prepare("insert into reminders (interview_id, interviewer_id, kind, sent_by_id, sent_at, email_id) values (?, ?, 'manual', ?, ?, ?)")
    .run(review!.id, reviewer.id, hm.id, now.getTime(), email_.id);
  // An outcome after a hire and its reminder (shape only: this loop's decision was no hire).
  client
    .prepare(
      `insert into hire_outcomes (candidate_id, loop_id, checkpoint, performance, dimension_ratings, employment, reviewed_on, note, recorded_by_id, recorded_at)
       values (?, ?, 'day_90', 3, '{"leadership":3}', 'employed', '2026-01-05', ?, ?, ?)`,
    )
    .run(candidate.id, loop.id, `${mention} owns the ranking service now.`, hm.id, now.getTime());
  const outcomeEmail = client
    .prepare(
      "insert into outbox (to_address, to_name, subject, body, status, created_at) values (?, ?, ?, ?, 'outbox_only', ?) returning id",
    )
    .get(hm.email, hm.name, `90-day outcome due: ${name}`, `${mention} was hired; their 90-day outcome is due.`, now.getTime()) as {
    id: number;
  };
  client
    .prepare(
      "insert into outcome_reminders (candidate_id, loop_id, checkpoint, manager_id, sent_at, email_id) values (?, ?, 'day_90', ?, ?, ?)",
    )
    .run(candidate.id, loop.id, hm.id, now.getTime(), outcomeEmail.id);
  return { candidate, loop, position, rubricVersionId, hm, designer, reviewer, assignmentId };
}
