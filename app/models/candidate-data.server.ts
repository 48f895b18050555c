// Where a candidate's data lives, written once for the two things that must find all of it:
// erasure (erasure.server.ts) and the subject-access export (subject-access.server.ts). Each
// scope is a SQL subquery over the bound parameter @candidate.
import { prepared } from "#app/utils/db.server";

const LOOPS = "select id from loops where candidate_id = @candidate";
const INTERVIEWS = `select id from interviews where loop_id in (${LOOPS})`;
const SCORECARDS = `select id from scorecards where interview_id in (${INTERVIEWS})`;
const ASSIGNMENTS = "select id from assignments where candidate_id = @candidate";
const GRADES = `select id from review_grades where assignment_id in (${ASSIGNMENTS})`;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace("#", String(n)));

/**
 * Free text written about the candidate, by them or about them: what an erasure blanks. A table
 * added later that holds such text belongs here (the erasure test searches every text column).
 */
export const FREE_TEXT = [
  {
    table: "ratings",
    column: "evidence",
    where: `scorecard_id in (${SCORECARDS})`,
    says: (n: number) => plural(n, "Evidence written in 1 rating", "Evidence written in # ratings"),
  },
  {
    table: "scorecards",
    column: "takeaways",
    where: `id in (${SCORECARDS})`,
    says: (n: number) => plural(n, "Take-aways of 1 scorecard", "Take-aways of # scorecards"),
  },
  {
    table: "scorecard_signals",
    column: "note",
    where: `scorecard_id in (${SCORECARDS})`,
    says: (n: number) => plural(n, "The note on 1 checked signal", "Notes on # checked signals"),
  },
  {
    table: "assignments",
    column: "summary",
    where: "candidate_id = @candidate",
    says: (n: number) => plural(n, "Their code-review summary", "# code-review summaries"),
  },
  {
    table: "review_comments",
    column: "body",
    where: `assignment_id in (${ASSIGNMENTS})`,
    says: (n: number) => plural(n, "1 code-review comment", "# code-review comments"),
  },
  {
    table: "review_grade_items",
    column: "note",
    where: `grade_id in (${GRADES})`,
    says: (n: number) => plural(n, "The grader's note on 1 code-review item", "Grader's notes on # code-review items"),
  },
  {
    table: "assignments",
    column: "comment_draft",
    where: "candidate_id = @candidate",
    says: (n: number) => plural(n, "A code-review comment they were typing", "# code-review comments they were typing"),
    blank: "null",
  },
  ...(["root_cause", "mitigation", "prevention"] as const).map((column) => ({
    table: "incident_runs",
    column,
    where: `assignment_id in (${ASSIGNMENTS})`,
    says: (n: number) => plural(n, `Their incident ${column.replace("_", " ")}`, `# incident ${column.replace("_", " ")}s`),
  })),
  {
    table: "incident_steps",
    column: "text",
    where: `assignment_id in (${ASSIGNMENTS})`,
    says: (n: number) => plural(n, "1 hypothesis or ask in their incident", "# hypotheses and asks in their incident"),
  },
  ...(
    [
      ["repository_url", "The repository address of their take-home"],
      ["file_name", "The file name of their take-home archive"],
    ] as const
  ).map(([column, what]) => ({
    table: "take_home_submissions",
    column,
    where: `assignment_id in (${ASSIGNMENTS})`,
    says: (n: number) => plural(n, what, `${what} (#)`),
    blank: "null" as const,
  })),
  {
    table: "take_home_submissions",
    column: "notes",
    where: `assignment_id in (${ASSIGNMENTS})`,
    says: (n: number) => plural(n, "Their take-home notes", "# take-home notes"),
  },
  {
    table: "take_home_grades",
    column: "notes",
    where: `assignment_id in (${ASSIGNMENTS})`,
    says: (n: number) => plural(n, "The grader's notes on their take-home", "Grader's notes on # take-homes"),
  },
  // Reminders to interviewers name the candidate in the email.
  ...(["subject", "body"] as const).map((column) => ({
    table: "outbox",
    column,
    where: `id in (select email_id from reminders where interview_id in (${INTERVIEWS}))`,
    says: (n: number) => plural(n, `The ${column} of 1 reminder email about them`, `The ${column}s of # reminder emails about them`),
  })),
  {
    table: "decisions",
    column: "rationale",
    where: `loop_id in (${LOOPS})`,
    says: (n: number) => plural(n, "The decision's rationale", "The rationales of # decisions"),
  },
] as { table: string; column: string; where: string; says: (n: number) => string; blank?: "null" }[];

/** The audit log's entries about the candidate's own records, by entity type. */
const AUDITED = [
  // better-sqlite3 binds a JS number as a real: cast, or 12 would read "12.0" as text.
  ["candidate", "select cast(@candidate as integer) as id"],
  ["loop", LOOPS],
  ["interview", INTERVIEWS],
  ["scorecard", SCORECARDS],
  ["decision", `select id from decisions where loop_id in (${LOOPS})`],
  ["assignment", ASSIGNMENTS],
  ["review_grade", GRADES],
  ["review_comment", `select id from review_comments where assignment_id in (${ASSIGNMENTS})`],
] as const;

const ABOUT_CANDIDATE = AUDITED.map(
  ([type, ids]) => `(entity_type = '${type}' and entity_id in (select cast(id as text) from (${ids})))`,
).join(" or ");

export type AuditRow = {
  id: number;
  at: number;
  actorId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: string | null;
  after: string | null;
  redacted: number;
};

const AUDIT_COLUMNS = `id, at, actor_id as actorId, actor_label as actorLabel, action, entity_type as entityType,
  entity_id as entityId, summary, before, after, redacted`;

/** Entries about the candidate's records, oldest first. */
export function auditEntriesAbout(candidateId: number): AuditRow[] {
  return prepared(`select ${AUDIT_COLUMNS} from audit_log where ${ABOUT_CANDIDATE} order by id`).all({
    candidate: candidateId,
  }) as AuditRow[];
}

// SQLite's lower() folds ASCII letters only; the needles are folded the same way so "ÉLODIE" and
// "Élodie" compare as SQLite sees them.
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Entries about the candidate's records, and any other entry whose text names them (`needles`:
 * their name and email, matched without regard to ASCII case): what an erasure redacts.
 */
export function auditEntriesNaming(candidateId: number, needles: string[]): AuditRow[] {
  const mentions = needles
    .map(
      (_, i) =>
        `instr(lower(summary), @n${i}) > 0 or instr(lower(coalesce(before, '')), @n${i}) > 0 or instr(lower(coalesce(after, '')), @n${i}) > 0`,
    )
    .join(" or ");
  const params = Object.fromEntries(needles.map((n, i) => [`n${i}`, asciiLower(n)]));
  return prepared(
    `select ${AUDIT_COLUMNS} from audit_log where redacted = 0 and ((${ABOUT_CANDIDATE})${mentions ? ` or ${mentions}` : ""}) order by id`,
  ).all({
    candidate: candidateId,
    ...params,
  }) as AuditRow[];
}

export const SCOPES = { LOOPS, INTERVIEWS, SCORECARDS, ASSIGNMENTS };
