// The whole data model of Loopwise, in one place. Designed for all of product.md: later work adds
// behaviour on these tables rather than reshaping them. Times are stored as integer milliseconds.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const id = () => integer("id").primaryKey({ autoIncrement: true });
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const ROLES = ["admin", "hiring_manager", "interviewer", "compliance"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    role: text("role", { enum: ROLES }).notNull(),
    // "" until an invited person sets their password (account_links): nothing verifies against it.
    passwordHash: text("password_hash").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    // ISO 3166-1 alpha-2 code whose public holidays scheduling warns about; "" for none.
    country: text("country").notNull().default(""),
    // The jti of the only calendar-feed link that works for this person; null when none is issued.
    calendarFeedTokenId: text("calendar_feed_token_id"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

// A session row makes sign-out and deactivation revoke a signed cookie immediately.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const ACCOUNT_LINK_PURPOSES = ["invitation", "password_reset"] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

// An emailed link that lets its holder set a password: an admin's invitation or a reset someone
// asked for. Only a SHA-256 of the link's secret is kept, so reading the database (or a backup)
// opens no account; a link works once, until it expires or a newer one replaces it.
export const accountLinks = sqliteTable(
  "account_links",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_LINK_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    // Who sent it: the admin for an invitation; null for a reset asked for from the sign-in page.
    sentById: integer("sent_by_id").references(() => users.id),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    // Set when a resent link, or a password set some other way, made this one useless.
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("account_links_token_unique").on(t.tokenHash), index("account_links_user_idx").on(t.userId, t.purpose)],
);

// ---------------------------------------------------------------------------------------------
// Rubrics: loaded from rubrics/*.json or made in the app from the published version. A draft may
// change until it is published; from then on triggers (db/migrations) refuse any change to its
// content, so every loop and scorecard that uses it keeps exactly the rules it was scored with.

export const RUBRIC_STATUSES = ["draft", "published", "retired"] as const;
export type RubricStatus = (typeof RUBRIC_STATUSES)[number];

export type RubricExtras = {
  suggestionRules?: { stage: string; dimension: string; when: string; capAt: number; says: string }[];
  raterGuidance?: { partialMeets: string; promptedVsProbed: string };
};

export const rubricVersions = sqliteTable(
  "rubric_versions",
  {
    id: id(),
    rubricKey: text("rubric_key").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    // The file it was loaded from, or "" for a version made in the app.
    sourceFile: text("source_file").notNull(),
    // sha256 of the file's canonical JSON: loading an edited file under the same version is refused.
    contentHash: text("content_hash").notNull(),
    // One published version per rubric: the one new loops use. Older ones are retired.
    status: text("status", { enum: RUBRIC_STATUSES }).notNull().default("draft"),
    basedOnId: integer("based_on_id").references((): AnySQLiteColumn => rubricVersions.id),
    createdById: integer("created_by_id").references(() => users.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    // The rubric file's fields that aren't rows of their own: the suggestion rules of its stages and
    // the rater guidance (rubric.ts). Null for a version without them (v1).
    extras: text("extras", { mode: "json" }).$type<RubricExtras>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("rubric_versions_key_version").on(t.rubricKey, t.version),
    uniqueIndex("rubric_versions_one_published")
      .on(t.rubricKey)
      .where(sql`status = 'published'`),
    uniqueIndex("rubric_versions_one_draft")
      .on(t.rubricKey)
      .where(sql`status = 'draft'`),
  ],
);

export const rubricDimensions = sqliteTable(
  "rubric_dimensions",
  {
    id: id(),
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    weight: integer("weight").notNull(),
    // Optional floor: while this dimension's score is at or below floorAtOrBelow, the
    // recommendation shows a gate against the band floorBlocks and every band above it.
    floorAtOrBelow: integer("floor_at_or_below"),
    floorBlocks: text("floor_blocks"),
    excellent: text("excellent").notNull(),
    assesses: text("assesses", { mode: "json" }).$type<string[]>().notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [uniqueIndex("rubric_dimensions_version_key").on(t.rubricVersionId, t.key)],
);

export const rubricLevels = sqliteTable(
  "rubric_levels",
  {
    dimensionId: integer("dimension_id")
      .notNull()
      .references(() => rubricDimensions.id),
    level: integer("level").notNull(),
    label: text("label").notNull(),
    anchor: text("anchor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dimensionId, t.level] })],
);

export const SIGNAL_KINDS = ["strong", "weak", "red_flag"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const rubricSignals = sqliteTable(
  "rubric_signals",
  {
    id: id(),
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    key: text("key").notNull(),
    kind: text("kind", { enum: SIGNAL_KINDS }).notNull(),
    text: text("text").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [uniqueIndex("rubric_signals_version_key").on(t.rubricVersionId, t.key)],
);

export const rubricBands = sqliteTable(
  "rubric_bands",
  {
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    minScore: real("min_score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.rubricVersionId, t.key] })],
);

export const STAGE_KEYS = ["system_design", "debugging", "code_review", "leadership", "take_home"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const rubricStages = sqliteTable(
  "rubric_stages",
  {
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    key: text("key", { enum: STAGE_KEYS }).notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    minutes: integer("minutes").notNull(),
    optional: integer("optional", { mode: "boolean" }).notNull(),
    focus: text("focus", { mode: "json" }).$type<string[]>().notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [primaryKey({ columns: [t.rubricVersionId, t.key] })],
);

// ---------------------------------------------------------------------------------------------
// Exercises and interview kits: content lives in exercises/<slug>/, this is the registry.

export const EXERCISE_KINDS = ["interview_kit", "code_review"] as const;

export const exercises = sqliteTable(
  "exercises",
  {
    id: id(),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: EXERCISE_KINDS }).notNull(),
    stage: text("stage", { enum: STAGE_KEYS }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    version: integer("version").notNull(),
    contentHash: text("content_hash").notNull(),
    // An interview kit's files as loaded (prompt, guide, fact sheet, scenario, checklist), so an
    // interview keeps showing the version it was scheduled with after the files move on.
    content: text("content", { mode: "json" }).$type<Record<string, unknown>>(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("exercises_slug_version").on(t.slug, t.version)],
);

// ---------------------------------------------------------------------------------------------
// Candidates, positions and loops.

export const positions = sqliteTable(
  "positions",
  {
    id: id(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    team: text("team").notNull(),
    location: text("location").notNull(),
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    open: integer("open", { mode: "boolean" }).notNull().default(true),
    // How long candidates' data is kept after their last loop closes (retention.ts adds the floor).
    retentionMonths: integer("retention_months").notNull().default(24),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("positions_key_unique").on(t.key)],
);

export const CANDIDATE_SOURCES = ["referral", "inbound", "sourced", "agency", "internal"] as const;

export const candidates = sqliteTable(
  "candidates",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    positionId: integer("position_id")
      .notNull()
      .references(() => positions.id),
    source: text("source", { enum: CANDIDATE_SOURCES }).notNull(),
    notes: text("notes").notNull().default(""),
    // What the recruiter tells every interviewer on the loop before they walk in; the notes above
    // stay with the recruiter and the hiring team.
    panelSummary: text("panel_summary").notNull().default(""),
    createdById: integer("created_by_id").references(() => users.id),
    // Set when a candidate is erased on request; personal fields are blanked at the same time.
    erasedAt: integer("erased_at", { mode: "timestamp_ms" }),
    // A legal hold stops erasure and keeps the candidate off the past-retention list.
    legalHoldAt: integer("legal_hold_at", { mode: "timestamp_ms" }),
    legalHoldReason: text("legal_hold_reason").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("candidates_email_unique").on(t.email),
    index("candidates_position_idx").on(t.positionId),
    index("candidates_created_idx").on(t.createdAt, t.id),
  ],
);

export const LOOP_STATUSES = ["open", "closed"] as const;

export const loops = sqliteTable(
  "loops",
  {
    id: id(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id),
    // Fixed when the loop is scheduled, so a later rubric version never changes its results.
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    status: text("status", { enum: LOOP_STATUSES }).notNull().default("open"),
    createdById: integer("created_by_id").references(() => users.id),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("loops_candidate_idx").on(t.candidateId), index("loops_status_idx").on(t.status)],
);

export const INTERVIEW_STATUSES = ["scheduled", "completed", "cancelled"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const interviews = sqliteTable(
  "interviews",
  {
    id: id(),
    loopId: integer("loop_id")
      .notNull()
      .references(() => loops.id),
    stage: text("stage", { enum: STAGE_KEYS }).notNull(),
    interviewerId: integer("interviewer_id")
      .notNull()
      .references(() => users.id),
    exerciseId: integer("exercise_id").references(() => exercises.id),
    scheduledAt: integer("scheduled_at", { mode: "timestamp_ms" }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    status: text("status", { enum: INTERVIEW_STATUSES }).notNull().default("scheduled"),
    // The iCalendar SEQUENCE: bumped whenever the time, length, interviewer or status changes, so
    // calendars replace the event they hold rather than keep a stale one.
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("interviews_loop_idx").on(t.loopId), index("interviews_interviewer_idx").on(t.interviewerId, t.scheduledAt)],
);

// ---------------------------------------------------------------------------------------------
// Scorecards: one per interview, filled against the loop's rubric version.

export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const SCORECARD_STATUSES = ["draft", "submitted"] as const;

export const scorecards = sqliteTable(
  "scorecards",
  {
    id: id(),
    interviewId: integer("interview_id")
      .notNull()
      .references(() => interviews.id),
    interviewerId: integer("interviewer_id")
      .notNull()
      .references(() => users.id),
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    status: text("status", { enum: SCORECARD_STATUSES }).notNull().default("draft"),
    recommendation: text("recommendation", { enum: RECOMMENDATIONS }),
    takeaways: text("takeaways").notNull().default(""),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    amendedAt: integer("amended_at", { mode: "timestamp_ms" }),
    amendmentCount: integer("amendment_count").notNull().default(0),
    // Optimistic concurrency: a save names the revision it started from.
    revision: integer("revision").notNull().default(0),
    // The browser tab (a random id per page) that saved this revision: a tab's own saves may
    // overtake each other in flight without being taken for another tab's (scorecard.server.ts).
    savedByTab: text("saved_by_tab"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("scorecards_interview_unique").on(t.interviewId), index("scorecards_interviewer_idx").on(t.interviewerId, t.status)],
);

export const ratings = sqliteTable(
  "ratings",
  {
    scorecardId: integer("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    dimensionKey: text("dimension_key").notNull(),
    // 1–4, or null when there is no rating (yet, or "Not assessed").
    level: integer("level"),
    // Set when the interviewer chose "Not assessed", so a draft restores that choice exactly.
    notAssessed: integer("not_assessed", { mode: "boolean" }).notNull().default(false),
    evidence: text("evidence").notNull().default(""),
    // Pre-filled from an auto-graded exercise; the interviewer's level is what counts.
    suggestedLevel: integer("suggested_level"),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.dimensionKey] }),
    // Covers the aggregates' refresh without reading the rows.
    index("ratings_scorecard_level_idx").on(t.scorecardId, t.dimensionKey, t.level),
  ],
);

export const scorecardSignals = sqliteTable(
  "scorecard_signals",
  {
    scorecardId: integer("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    signalKey: text("signal_key").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.scorecardId, t.signalKey] })],
);

// ---------------------------------------------------------------------------------------------
// Code-review simulation: a candidate's assignment, their comments, and the grade.

export const ASSIGNMENT_STATUSES = ["assigned", "started", "submitted", "expired", "revoked"] as const;
export const COMMENT_PRIORITIES = ["blocking", "nit"] as const;
export const REVIEW_VERDICTS = ["approve", "request_changes", "comment"] as const;

export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id),
    interviewId: integer("interview_id").references(() => interviews.id),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("assigned"),
    // The jti of the only link that opens this assignment; re-issuing a link replaces it.
    tokenId: text("token_id").notNull(),
    linkExpiresAt: integer("link_expires_at", { mode: "timestamp_ms" }).notNull(),
    timeLimitMinutes: integer("time_limit_minutes").notNull(),
    // Extra time granted as an accommodation, in percent of the limit (100 = none, 125, 150, 200).
    extraTimePercent: integer("extra_time_percent").notNull().default(100),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    deadlineAt: integer("deadline_at", { mode: "timestamp_ms" }),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    summary: text("summary").notNull().default(""),
    verdict: text("verdict", { enum: REVIEW_VERDICTS }),
    revision: integer("revision").notNull().default(0),
    // The comment the candidate is typing but hasn't saved yet, so a reload doesn't lose it.
    commentDraft: text("comment_draft", { mode: "json" }).$type<{ filePath: string; line: number | null; body: string }>(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("assignments_token_unique").on(t.tokenId), index("assignments_candidate_idx").on(t.candidateId)],
);

export const reviewComments = sqliteTable(
  "review_comments",
  {
    id: id(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    filePath: text("file_path").notNull(),
    line: integer("line").notNull(),
    endLine: integer("end_line"),
    body: text("body").notNull(),
    // How the candidate ranked it: must be fixed before merging, or a nit. Null: not said.
    priority: text("priority", { enum: COMMENT_PRIORITIES }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("review_comments_assignment_idx").on(t.assignmentId)],
);

export const reviewGrades = sqliteTable(
  "review_grades",
  {
    id: id(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id),
    graderId: integer("grader_id")
      .notNull()
      .references(() => users.id),
    autoScore: real("auto_score"),
    score: real("score"),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("review_grades_assignment_unique").on(t.assignmentId)],
);

// The grader's correction of the automatic matching: this comment identifies that key item
// (defectId), or no planted defect at all (null). Kept apart from the grade so it applies at once.
export const reviewCommentMoves = sqliteTable(
  "review_comment_moves",
  {
    commentId: integer("comment_id")
      .primaryKey()
      .references(() => reviewComments.id, { onDelete: "cascade" }),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    defectId: text("defect_id"),
    movedById: integer("moved_by_id")
      .notNull()
      .references(() => users.id),
    movedAt: integer("moved_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("review_comment_moves_assignment_idx").on(t.assignmentId)],
);

// "summary": a PR-level judgement item credited from the candidate's summary.
export const GRADE_DECISIONS = ["confirmed", "rejected", "credited", "summary"] as const;

export const reviewGradeItems = sqliteTable(
  "review_grade_items",
  {
    id: id(),
    gradeId: integer("grade_id")
      .notNull()
      .references(() => reviewGrades.id, { onDelete: "cascade" }),
    // A planted defect's id from the answer key, or null for a credited finding outside the key.
    defectId: text("defect_id"),
    commentId: integer("comment_id").references((): AnySQLiteColumn => reviewComments.id),
    decision: text("decision", { enum: GRADE_DECISIONS }).notNull(),
    dimensionKey: text("dimension_key"),
    severity: text("severity", { enum: ["critical", "major", "minor"] }),
    note: text("note").notNull().default(""),
  },
  (t) => [index("review_grade_items_grade_idx").on(t.gradeId)],
);

// ---------------------------------------------------------------------------------------------
// Incident simulations (debugging kits): an assignment of a debugging interview, run by the
// candidate on a private link or driven by the interviewer; its investigation path and answers.

export const INCIDENT_MODES = ["candidate_link", "interviewer_led"] as const;
export type IncidentMode = (typeof INCIDENT_MODES)[number];

export const incidentRuns = sqliteTable("incident_runs", {
  assignmentId: integer("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  mode: text("mode", { enum: INCIDENT_MODES }).notNull(),
  rootCause: text("root_cause").notNull().default(""),
  mitigation: text("mitigation").notNull().default(""),
  prevention: text("prevention").notNull().default(""),
  revision: integer("revision").notNull().default(0),
});

// "evidence": an item revealed; "hypothesis": a note written; "ask": a request that revealed
// nothing by itself (offered the closest items, or none: itself a sign of where the candidate was
// looking); "expectation": what they expected to see, written before the reveal it names;
// "query": warehouse SQL they wrote, with the item it answered (or none). The column has no
// CHECK, so new kinds need no migration; runs recorded before keep their three.
export const INCIDENT_STEP_KINDS = ["evidence", "hypothesis", "ask", "expectation", "query"] as const;
export type IncidentStepKind = (typeof INCIDENT_STEP_KINDS)[number];

export const incidentSteps = sqliteTable(
  "incident_steps",
  {
    id: id(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    kind: text("kind", { enum: INCIDENT_STEP_KINDS }).notNull(),
    evidenceId: text("evidence_id"),
    text: text("text").notNull().default(""),
  },
  (t) => [index("incident_steps_assignment_idx").on(t.assignmentId, t.id)],
);

// ---------------------------------------------------------------------------------------------
// Take-home: the candidate's submission (an archive kept outside the web root, or a repository
// URL) and the grader's checklist.

export const TAKE_HOME_ARCHIVE_TYPES = ["zip", "tar.gz"] as const;

export const takeHomeSubmissions = sqliteTable("take_home_submissions", {
  assignmentId: integer("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  repositoryUrl: text("repository_url"),
  fileName: text("file_name"),
  // A random name under the uploads directory; never derived from what the candidate sent.
  storedName: text("stored_name"),
  archiveType: text("archive_type", { enum: TAKE_HOME_ARCHIVE_TYPES }),
  bytes: integer("bytes"),
  sha256: text("sha256"),
  notes: text("notes").notNull().default(""),
  submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
});

export const takeHomeGrades = sqliteTable("take_home_grades", {
  assignmentId: integer("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  graderId: integer("grader_id")
    .notNull()
    .references(() => users.id),
  checked: text("checked", { mode: "json" }).$type<string[]>().notNull(),
  notes: text("notes").notNull().default(""),
  savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull(),
});

// ---------------------------------------------------------------------------------------------

// Email and reminders. Every email is written to the outbox first; with SMTP configured it is
// delivered from there (and retried), without it the outbox is where the admin reads it.

export const EMAIL_STATUSES = ["pending", "sent", "failed", "outbox_only"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: EMAIL_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    // When a pending email is next tried; null once it is sent, failed for good, or outbox-only.
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_created_idx").on(t.createdAt)],
);

export const REMINDER_KINDS = ["manual", "automatic"] as const;

export const reminders = sqliteTable(
  "reminders",
  {
    id: id(),
    interviewId: integer("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    interviewerId: integer("interviewer_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    // Who sent a manual reminder; null for the automatic ones.
    sentById: integer("sent_by_id").references(() => users.id),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
    emailId: integer("email_id").references(() => outbox.id),
  },
  (t) => [index("reminders_interview_idx").on(t.interviewId, t.sentAt)],
);

// ---------------------------------------------------------------------------------------------
// Decisions and the audit log.

export const DECISIONS = ["hire", "no_hire", "hold"] as const;

export const decisions = sqliteTable(
  "decisions",
  {
    id: id(),
    loopId: integer("loop_id")
      .notNull()
      .references(() => loops.id),
    decision: text("decision", { enum: DECISIONS }).notNull(),
    rationale: text("rationale").notNull(),
    // What the recommendation said when the decision was taken, kept for the record.
    scoreAtDecision: real("score_at_decision"),
    bandAtDecision: text("band_at_decision"),
    acknowledgedAgainstBand: integer("acknowledged_against_band", { mode: "boolean" }).notNull().default(false),
    acknowledgedRedFlags: integer("acknowledged_red_flags", { mode: "boolean" }).notNull().default(false),
    decidedById: integer("decided_by_id")
      .notNull()
      .references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("decisions_loop_unique").on(t.loopId)],
);

// Append-only: triggers in the migrations refuse DELETE, and refuse UPDATE except the one an
// erasure makes (blanking before/after and marking the row redacted).
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorId: integer("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    // One readable line ("Scheduled Debugging with Aisha Bello for Ada Obi"), written at the time.
    summary: text("summary").notNull().default(""),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    redacted: integer("redacted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_at_idx").on(t.at)],
);

// ---------------------------------------------------------------------------------------------
// Aggregates kept current by app/models/aggregates.server.ts inside the transaction of every
// write that changes submitted data (submit, amend, cancel, schedule, decide). Derived entirely
// from the tables above, so they can always be rebuilt; cross-candidate views read these instead
// of scanning every rating. See docs/decisions/004-maintained-aggregates.md.

/** Submitted ratings of one dimension by one interviewer in a loop (recommendation.ts RatingGroup). */
export const panelRatingGroups = sqliteTable(
  "panel_rating_groups",
  {
    loopId: integer("loop_id")
      .notNull()
      .references(() => loops.id, { onDelete: "cascade" }),
    interviewerId: integer("interviewer_id").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    sum: integer("sum").notNull(),
    count: integer("count").notNull(),
    min: integer("min").notNull(),
    max: integer("max").notNull(),
  },
  (t) => [primaryKey({ columns: [t.loopId, t.interviewerId, t.dimensionKey] })],
);

/**
 * Per loop, its raw figures as recommendationFromPanel computed them at the last change: S, band,
 * coverage, gates and dimension scores. They depend on nothing outside the loop (calibrated S,
 * which depends on every interviewer's leniency, is computed when shown), so compare sorts and
 * pages thousands of loops from one row each.
 */
export const loopFigures = sqliteTable("loop_figures", {
  loopId: integer("loop_id")
    .primaryKey()
    .references(() => loops.id, { onDelete: "cascade" }),
  score: real("score"),
  bandKey: text("band_key"),
  coverage: real("coverage").notNull(),
  gates: text("gates").notNull(),
  dimensionScores: text("dimension_scores", { mode: "json" }).$type<Record<string, number | null>>().notNull(),
});

/** Per loop: live interviews, submitted scorecards and the yes/no split of their recommendations. */
export const loopTallies = sqliteTable("loop_tallies", {
  loopId: integer("loop_id")
    .primaryKey()
    .references(() => loops.id, { onDelete: "cascade" }),
  scheduled: integer("scheduled").notNull(),
  submitted: integer("submitted").notNull(),
  yes: integer("yes").notNull(),
  no: integer("no").notNull(),
  redFlags: integer("red_flags").notNull(),
});

/** An interviewer's voice on a candidate's dimension: the sum and count of their ratings of it. */
export const ratingVoices = sqliteTable(
  "rating_voices",
  {
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    dimensionKey: text("dimension_key").notNull(),
    interviewerId: integer("interviewer_id").notNull(),
    sum: integer("sum").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.dimensionKey, t.interviewerId] })],
);

/** Leniency evidence from one candidate: the sum of an interviewer's differences and how many. */
export const leniencyByCandidate = sqliteTable(
  "leniency_by_candidate",
  {
    interviewerId: integer("interviewer_id").notNull(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    diffSum: real("diff_sum").notNull(),
    pairs: integer("pairs").notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewerId, t.candidateId] }), index("leniency_by_candidate_candidate_idx").on(t.candidateId)],
);

/** Per interviewer, the running sums leniency.ts turns into leniency and its interval. */
export const interviewerLeniency = sqliteTable("interviewer_leniency", {
  interviewerId: integer("interviewer_id").primaryKey(),
  pairs: integer("pairs").notNull(),
  sum: real("sum").notNull(),
  sumSq: real("sum_sq").notNull(),
  sumSn: real("sum_sn").notNull(),
  sumNsq: integer("sum_nsq").notNull(),
  candidates: integer("candidates").notNull(),
});

/**
 * Panel agreement's units: for each candidate's dimension rated by two or more interviewers, how
 * many voices (rounded to a level) sit at each level. A unit's coincidences follow from these.
 */
export const agreementUnits = sqliteTable(
  "agreement_units",
  {
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    dimensionKey: text("dimension_key").notNull(),
    n1: integer("n1").notNull(),
    n2: integer("n2").notNull(),
    n3: integer("n3").notNull(),
    n4: integer("n4").notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.dimensionKey] })],
);

/** How often each interviewer gave each level on each dimension (the calibration page's bars). */
export const interviewerLevelCounts = sqliteTable(
  "interviewer_level_counts",
  {
    interviewerId: integer("interviewer_id").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    level: integer("level").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewerId, t.dimensionKey, t.level] })],
);

/**
 * Per interviewer, the rest of what calibration shows beside leniency: submitted scorecards, the
 * median hours from the end of the interview to the submit, and how many of their recommendations
 * on hire/no-hire loops matched the decision. Only interviewers with a submitted scorecard.
 */
export const interviewerSubmissions = sqliteTable("interviewer_submissions", {
  interviewerId: integer("interviewer_id").primaryKey(),
  scorecards: integer("scorecards").notNull(),
  medianHoursToSubmit: real("median_hours_to_submit"),
  matched: integer("matched").notNull(),
  decided: integer("decided").notNull(),
});

/**
 * One row: a counter bumped in the same transaction as any change to the aggregates. Caches of
 * computed views (compare, calibration) are keyed by it, so a draft autosave, which changes
 * nothing they read, never throws them away, and no clock is involved.
 */
export const aggregateState = sqliteTable("aggregate_state", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

// ---------------------------------------------------------------------------------------------
// Fairness: voluntary self-identification, kept apart (docs/decisions/011-fairness-kept-apart.md).
// No page a hiring team opens reads this table per candidate; app/models/fairness.server.ts reads
// it only to count. A null answer is a question left blank; "prefer_not" was chosen. Both count
// as unknown, never dropped.

export const SEX_ANSWERS = ["female", "male", "another", "prefer_not"] as const;
// The EEO-1 race/ethnicity categories.
export const RACE_ANSWERS = [
  "hispanic_latino",
  "white",
  "black",
  "asian",
  "native_hawaiian_pacific_islander",
  "american_indian_alaska_native",
  "two_or_more",
  "prefer_not",
] as const;
export const DISABILITY_ANSWERS = ["yes", "no", "prefer_not"] as const;
export const VETERAN_ANSWERS = ["protected_veteran", "not_veteran", "prefer_not"] as const;

export const selfIdentifications = sqliteTable(
  "self_identifications",
  {
    id: id(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id),
    sex: text("sex", { enum: SEX_ANSWERS }),
    raceEthnicity: text("race_ethnicity", { enum: RACE_ANSWERS }),
    disability: text("disability", { enum: DISABILITY_ANSWERS }),
    veteran: text("veteran", { enum: VETERAN_ANSWERS }),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("self_identifications_candidate_unique").on(t.candidateId)],
);

/**
 * A bias-audit report as produced: totals only, no person's data, so it is kept when candidates
 * are erased (California's rules ask for four years of such records).
 */
export const biasAuditReports = sqliteTable("bias_audit_reports", {
  id: id(),
  producedAt: integer("produced_at", { mode: "timestamp_ms" }).notNull(),
  producedById: integer("produced_by_id")
    .notNull()
    .references(() => users.id),
  // Null for every position.
  positionId: integer("position_id").references(() => positions.id),
  periodFrom: text("period_from").notNull(),
  periodTo: text("period_to").notNull(),
  threshold: integer("threshold").notNull(),
  content: text("content", { mode: "json" }).notNull(),
});

// Rater certification: gold samples (pre-rated interview records, content in rubrics/gold-samples/)
// and interviewers' ratings of them. See docs/decisions/012-validity-and-certification.md.

export type GoldExpert = {
  ratedBy: string;
  ratings: Record<string, { level: number; reason: string }>;
  recommendation: Recommendation;
  summary: string;
};

/**
 * A pre-graded code review (rubrics/gold-samples/grading/): the candidate's comments on one
 * version of a pull-request exercise, their summary and verdict. Graders grade it on the real
 * grading view; its comment ids are its own (1, 2, ...), not review_comments rows.
 */
export type GoldReview = {
  exerciseId: number;
  summary: string;
  verdict: (typeof REVIEW_VERDICTS)[number] | null;
  comments: {
    id: number;
    filePath: string;
    line: number;
    endLine: number | null;
    body: string;
    priority: (typeof COMMENT_PRIORITIES)[number] | null;
  }[];
};

export const goldSamples = sqliteTable(
  "gold_samples",
  {
    id: id(),
    slug: text("slug").notNull(),
    version: integer("version").notNull(),
    contentHash: text("content_hash").notNull(),
    stage: text("stage", { enum: STAGE_KEYS }).notNull(),
    // The rubric version the expert rated it on (the published one at the time); trainees rate on it too.
    rubricVersionId: integer("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id),
    title: text("title").notNull(),
    setting: text("setting").notNull(),
    account: text("account").notNull(),
    expert: text("expert", { mode: "json" }).$type<GoldExpert>().notNull(),
    // Only on a pre-graded code review (stage code_review): what the grader grades.
    review: text("review", { mode: "json" }).$type<GoldReview>(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("gold_samples_slug_version").on(t.slug, t.version)],
);

export const GOLD_ATTEMPT_STATUSES = ["draft", "submitted"] as const;

/** One interviewer's rating of one gold sample in one round (a new round starts a recertification). */
export const goldAttempts = sqliteTable(
  "gold_attempts",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    sampleId: integer("sample_id")
      .notNull()
      .references(() => goldSamples.id),
    round: integer("round").notNull().default(1),
    status: text("status", { enum: GOLD_ATTEMPT_STATUSES }).notNull(),
    // The scorecard form's value (scorecard-schema.ts), as the trainee entered it.
    value: text("value", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    revision: integer("revision").notNull().default(1),
    tabId: text("tab_id"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("gold_attempts_user_sample_round").on(t.userId, t.sampleId, t.round), index("gold_attempts_user_idx").on(t.userId)],
);

/** A stage an interviewer is certified for: written when a submit makes the rule pass. */
export const raterCertifications = sqliteTable(
  "rater_certifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage", { enum: STAGE_KEYS }).notNull(),
    round: integer("round").notNull(),
    certifiedAt: integer("certified_at", { mode: "timestamp_ms" }).notNull(),
    samples: integer("samples").notNull(),
    withinShare: real("within_share").notNull(),
    // Their leniency on live loops when certified: drift is measured from here.
    leniencyAtCertification: real("leniency_at_certification"),
  },
  (t) => [uniqueIndex("rater_certifications_user_stage_round").on(t.userId, t.stage, t.round)],
);

// ---------------------------------------------------------------------------------------------
// Post-hire outcomes: what a hire's manager says at 90 days and at one year, the criterion the
// validity page (app/models/validity.server.ts) correlates interview scores with. See
// docs/decisions/012-validity-statistics.md.

export const OUTCOME_CHECKPOINTS = ["day_90", "year_1"] as const;
export type OutcomeCheckpoint = (typeof OUTCOME_CHECKPOINTS)[number];
export const EMPLOYMENT_STATES = ["employed", "left_regretted", "left_non_regretted"] as const;
export type EmploymentState = (typeof EMPLOYMENT_STATES)[number];

export const hireOutcomes = sqliteTable(
  "hire_outcomes",
  {
    id: id(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id),
    // The loop whose hire decision this outcome follows.
    loopId: integer("loop_id")
      .notNull()
      .references(() => loops.id),
    checkpoint: text("checkpoint", { enum: OUTCOME_CHECKPOINTS }).notNull(),
    // The overall rating on the anchored 1–4 scale (app/models/outcome-scale.ts).
    performance: integer("performance").notNull(),
    // Optional ratings on the loop's rubric dimensions, same scale, keyed by dimension key.
    dimensionRatings: text("dimension_ratings", { mode: "json" }).$type<Record<string, number>>().notNull(),
    employment: text("employment", { enum: EMPLOYMENT_STATES }).notNull(),
    // The day the manager reviewed (YYYY-MM-DD), never before the hire.
    reviewedOn: text("reviewed_on").notNull(),
    note: text("note").notNull().default(""),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references(() => users.id),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("hire_outcomes_loop_checkpoint").on(t.loopId, t.checkpoint), index("hire_outcomes_candidate_idx").on(t.candidateId)],
);

/** The one automatic reminder an outcome gets when it falls due (its email is in the outbox). */
export const outcomeReminders = sqliteTable(
  "outcome_reminders",
  {
    id: id(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id),
    loopId: integer("loop_id")
      .notNull()
      .references(() => loops.id),
    checkpoint: text("checkpoint", { enum: OUTCOME_CHECKPOINTS }).notNull(),
    managerId: integer("manager_id")
      .notNull()
      .references(() => users.id),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
    emailId: integer("email_id").references(() => outbox.id),
  },
  (t) => [uniqueIndex("outcome_reminders_loop_checkpoint").on(t.loopId, t.checkpoint)],
);
