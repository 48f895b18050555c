// Where a candidate's data lives, written once for the two things that must find all of it:
// erasure (erasure.server.ts) and the subject-access export (subject-access.server.ts). Each
// scope is a SQL subquery over the bound parameter @candidate.
import { prepared } from "#app/utils/db.server";

const LOOPS = "select id from loops where candidate_id = @candidate";
const INTERVIEWS = `select id from interviews where loop_id in (${LOOPS})`;
const SCORECARDS = `select id from scorecards where interview_id in (${INTERVIEWS})`;
const ASSIGNMENTS = "select id from assignments where candidate_id = @candidate";
const GRADES = `select id from review_grades where assignment_id in (${ASSIGNMENTS})`;
// Emails about the candidate: the reminders to interviewers name them. The outbox row is what a
// reminder points at, so a walk down the foreign keys from the candidate never reaches it.
// Outcome reminders to the hire's manager name them too.
const EMAILS = `select email_id from reminders where email_id is not null and interview_id in (${INTERVIEWS})
  union select email_id from outcome_reminders where email_id is not null and candidate_id = @candidate`;

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
    where: `id in (${EMAILS})`,
    says: (n: number) =>
      plural(
        n,
        `The ${column} of 1 reminder email about them`,
        `The ${column === "body" ? "bodies" : "subjects"} of # reminder emails about them`,
      ),
  })),
  // The hire's manager's note on an outcome; the ratings stay, as interview ratings do.
  {
    table: "hire_outcomes",
    column: "note",
    where: "candidate_id = @candidate",
    says: (n: number) => plural(n, "The manager's note on 1 outcome after the hire", "The manager's notes on # outcomes after the hire"),
  },
  {
    table: "decisions",
    column: "rationale",
    where: `loop_id in (${LOOPS})`,
    says: (n: number) => plural(n, "The decision's rationale", "The rationales of # decisions"),
  },
] as { table: string; column: string; where: string; says: (n: number) => string; blank?: "null" }[];

/**
 * The audit log's entries about the candidate's own records, by entity type, each with the ids of
 * the candidate's records of that type. Every entity type the app audits is either here or in
 * NOT_ABOUT_A_CANDIDATE (candidate-data.test.ts reads the models' recordAudit calls to hold this).
 */
export const AUDITED = [
  // better-sqlite3 binds a JS number as a real: cast, or 12 would read "12.0" as text.
  ["candidate", "select cast(@candidate as integer) as id"],
  ["loop", LOOPS],
  ["interview", INTERVIEWS],
  ["scorecard", SCORECARDS],
  ["decision", `select id from decisions where loop_id in (${LOOPS})`],
  ["assignment", ASSIGNMENTS],
  ["review_grade", GRADES],
  ["review_comment", `select id from review_comments where assignment_id in (${ASSIGNMENTS})`],
  // A take-home grade is audited under its assignment's id (take_home_grades is keyed by it).
  ["take_home_grade", ASSIGNMENTS],
  // Says only that they answered; the answers are never in the log.
  ["self_identification", "select id from self_identifications where candidate_id = @candidate"],
  ["hire_outcome", "select id from hire_outcomes where candidate_id = @candidate"],
] as const;

/**
 * Audited entity types that are never a candidate's record. A failed sign-in ("sign_in") can still
 * carry a candidate's address when someone typed it: found by what it says, not by its type.
 */
export const NOT_ABOUT_A_CANDIDATE = [
  "user",
  "position",
  "rubric_version",
  "exercise",
  "sign_in",
  "demo_data",
  "bias_audit_report",
  // Gold samples are written accounts, not candidates; attempts and certifications are the staff's.
  "gold_sample",
  "gold_attempt",
  "rater_certification",
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

/**
 * Every name and email address the candidate has had: the current ones, and the earlier ones
 * their own audit entries recorded (after a rename the old name is written nowhere else).
 */
export function identitiesOf(candidate: { id: number; name: string; email: string }) {
  const names = new Set([candidate.name]);
  const emails = new Set([candidate.email]);
  const entries = prepared("select before, after from audit_log where entity_type = 'candidate' and entity_id = @id").all({
    id: String(candidate.id),
  }) as { before: string | null; after: string | null }[];
  for (const e of entries)
    for (const text of [e.before, e.after]) {
      const fields = parseObject(text);
      if (typeof fields?.name === "string") names.add(fields.name);
      if (typeof fields?.email === "string") emails.add(fields.email);
    }
  return { names: [...names], emails: [...emails] };
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// SQLite's lower() folds ASCII letters only; the needles are folded the same way so "ÉLODIE" and
// "Élodie" compare as SQLite sees them.
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Entries about the candidate's records, and any other entry whose text names them (`needles`:
 * every name and address they have had, matched without regard to ASCII case): what an erasure
 * redacts. Who and what an entry is about count as its text only where no user is behind them:
 * a failed sign-in records the typed address there, while a colleague's label is their own name
 * (a colleague who shares the candidate's name is not the candidate).
 */
export function auditEntriesNaming(candidateId: number, needles: string[]): AuditRow[] {
  const mentions = needles
    .map((_, i) =>
      [
        `instr(lower(summary), @n${i}) > 0`,
        `instr(lower(coalesce(before, '')), @n${i}) > 0`,
        `instr(lower(coalesce(after, '')), @n${i}) > 0`,
        `(actor_id is null and instr(lower(actor_label), @n${i}) > 0)`,
        `instr(lower(entity_id), @n${i}) > 0`,
      ].join(" or "),
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

/**
 * Failed sign-ins typed with one of the candidate's addresses: theirs to see in a subject-access
 * export. Matched exactly, never as part of another address (that would be someone else's).
 */
export function signInsTypedWith(emails: string[]): AuditRow[] {
  if (!emails.length) return [];
  const typed = JSON.stringify(emails.map(asciiLower));
  // Entries written before the address moved into `after` held it as who and what.
  return prepared(
    `select ${AUDIT_COLUMNS} from audit_log where action = 'sign_in_failed' and (
       lower(json_extract(after, '$.email')) in (select value from json_each(@typed))
       or (actor_id is null and lower(actor_label) in (select value from json_each(@typed)))
       or lower(entity_id) in (select value from json_each(@typed))
     ) order by id`,
  ).all({ typed }) as AuditRow[];
}

/**
 * Rows about the candidate that their rows point at, rather than point at them: the walk down the
 * foreign keys from the candidate (subject-access.server.ts) adds these by hand.
 */
export const REFERENCED = [{ table: "outbox", ids: EMAILS }] as const;

export const SCOPES = { LOOPS, INTERVIEWS, SCORECARDS, ASSIGNMENTS, EMAILS };
