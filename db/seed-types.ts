// Shape of the demo organisation in seed-data.ts. Kept apart from the seeding code so the
// content (people, notes, evidence) can be read and edited without touching how it is inserted.

export type Role = "admin" | "hiring_manager" | "interviewer" | "compliance";
export type StageKey = "system_design" | "debugging" | "code_review" | "leadership" | "take_home";
export type DimensionKey =
  "ml_system_design" | "software_engineering" | "mlops_operations" | "data_quality" | "evaluation" | "leadership" | "communication";
export type Recommendation = "strong_no" | "no" | "yes" | "strong_yes";
export type CandidateSource = "referral" | "inbound" | "sourced" | "agency" | "internal";

export interface SeedUser {
  name: string;
  email: string;
  role: Role;
  /** Job title shown next to the name, e.g. "Staff ML Engineer, Ranking". */
  title: string;
  timeZone: string;
  /** ISO 3166-1 alpha-2: whose public holidays scheduling warns about. */
  country: string;
}

export interface SeedPosition {
  key: string;
  title: string;
  team: string;
  location: string;
}

export interface SeedRating {
  /** 1–4, or null for "Not assessed". */
  level: 1 | 2 | 3 | 4 | null;
  evidence: string;
}

export interface SeedScorecard {
  /** Draft scorecards may be partial; submitted ones rate every focus dimension with evidence. */
  status: "draft" | "submitted";
  ratings: Partial<Record<DimensionKey, SeedRating>>;
  signals: { key: string; note?: string }[];
  recommendation: Recommendation | null;
  takeaways: string;
  /** Hours after the interview ended that the scorecard was submitted (for calibration stats). */
  submittedAfterHours?: number;
}

export interface SeedInterview {
  stage: StageKey;
  interviewerEmail: string;
  /** Days relative to the moment the seed runs: negative = in the past. */
  dayOffset: number;
  /** Local hour of day (0–23) in the interviewer's time zone. */
  hour: number;
  durationMinutes: number;
  status: "scheduled" | "completed" | "cancelled";
  scorecard?: SeedScorecard;
}

export interface SeedCandidate {
  name: string;
  email: string;
  positionKey: string;
  source: CandidateSource;
  notes: string;
  /** What the recruiter tells the panel (no pay, notice or personal circumstances). */
  panelSummary?: string;
  /** Days ago the candidate was added. */
  addedDaysAgo: number;
  loop?: {
    status: "open" | "closed";
    interviews: SeedInterview[];
    decision?: { decision: "hire" | "no_hire" | "hold"; rationale: string; byEmail: string; dayOffset: number };
  };
}
