// The subject-access export: every row held about the candidate, in every table, and nothing about
// anyone else; colleagues appear by role and number, never by name.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, ratings, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeUser } from "#tests/factories";
import { signIn } from "#app/auth/sign-in.server";
import { updateCandidate } from "./candidate.server";
import { saveTakeHomeGrade } from "./take-home.server";
import { SubjectAccessDocument } from "#app/components/subject-access-document";
import { subjectAccessData, subjectAccessLabels } from "./subject-access.server";

const PERSON = { name: "Zanele Okonkwo-Brightwater", email: "zanele.ob@example.org" };
const now = () => new Date();

/** The candidate's rows in each table, found by hand-written joins (not the export's own search). */
function expectedRows(candidateId: number) {
  const client = db().$client;
  const count = (text: string) => (client.prepare(text).get(candidateId) as { n: number }).n;
  const loops = "select id from loops where candidate_id = ?";
  const interviews = `select id from interviews where loop_id in (${loops})`;
  const scorecards = `select id from scorecards where interview_id in (${interviews})`;
  const assignments = "select id from assignments where candidate_id = ?";
  return {
    candidates: count("select count(*) as n from candidates where id = ?"),
    loops: count(`select count(*) as n from (${loops})`),
    interviews: count(`select count(*) as n from (${interviews})`),
    scorecards: count(`select count(*) as n from (${scorecards})`),
    ratings: count(`select count(*) as n from ratings where scorecard_id in (${scorecards})`),
    scorecard_signals: count(`select count(*) as n from scorecard_signals where scorecard_id in (${scorecards})`),
    decisions: count(`select count(*) as n from decisions where loop_id in (${loops})`),
    assignments: count(`select count(*) as n from (${assignments})`),
    review_comments: count(`select count(*) as n from review_comments where assignment_id in (${assignments})`),
    review_grades: count(`select count(*) as n from review_grades where assignment_id in (${assignments})`),
    review_grade_items: count(
      `select count(*) as n from review_grade_items where grade_id in (select id from review_grades where assignment_id in (${assignments}))`,
    ),
    review_comment_moves: count(`select count(*) as n from review_comment_moves where assignment_id in (${assignments})`),
    incident_runs: count(`select count(*) as n from incident_runs where assignment_id in (${assignments})`),
    incident_steps: count(`select count(*) as n from incident_steps where assignment_id in (${assignments})`),
    take_home_submissions: count(`select count(*) as n from take_home_submissions where assignment_id in (${assignments})`),
    take_home_grades: count(`select count(*) as n from take_home_grades where assignment_id in (${assignments})`),
    reminders: count(`select count(*) as n from reminders where interview_id in (${interviews})`),
    outbox:
      count(`select count(*) as n from outbox where id in (select email_id from reminders where interview_id in (${interviews}))`) +
      count("select count(*) as n from outbox where id in (select email_id from outcome_reminders where candidate_id = ?)"),
    // Their outcomes after a hire, and the reminder their manager was sent.
    hire_outcomes: count("select count(*) as n from hire_outcomes where candidate_id = ?"),
    outcome_reminders: count("select count(*) as n from outcome_reminders where candidate_id = ?"),
    // Their own voluntary answers: in their export, though no page of the hiring team shows them.
    self_identifications: count("select count(*) as n from self_identifications where candidate_id = ?"),
  };
}

async function twoCandidates() {
  const subject = await makeCandidateWithHistory(PERSON);
  const other = await makeCandidateWithHistory({ name: "Bartholomew Quince", email: "b.quince@example.net" });
  return { subject, other };
}

describe("the subject-access export", () => {
  it("holds every table's rows for the candidate, and no one else's", async () => {
    const { subject } = await twoCandidates();
    const data = subjectAccessData(subject.candidate.id, now())!;
    const expected = expectedRows(subject.candidate.id);
    expect(Object.entries(expected).filter(([, n]) => n === 0)).toEqual([]);
    expect(Object.fromEntries(Object.entries(data.tables).map(([t, rows]) => [t, rows.length]))).toEqual(expected);
    const json = JSON.stringify(data);
    for (const text of [
      PERSON.name,
      PERSON.email,
      "prefers email",
      "thinks the model loads per request",
      "Summary by",
      "is not ready",
      "said monitoring can wait",
      "owns the ranking service now",
      "their 90-day outcome is due",
    ])
      expect(json).toContain(text);
    expect(json).not.toContain("Bartholomew");
    expect(json).not.toContain("b.quince");
    // The audit log's entries about their records, with what changed.
    expect(data.auditLog.map((e) => e.summary)).toContain(`Added candidate ${PERSON.name}`);
    expect(data.auditLog.find((e) => e.summary.startsWith("Edited candidate"))?.before).toEqual({
      notes: `${PERSON.name} prefers calls; write to ${PERSON.email}.`,
      panelSummary: "",
    });
  });

  it("names colleagues by role and number, in the columns that point at them and in text", async () => {
    const { subject } = await twoCandidates();
    db().update(users).set({ name: "Aisha Bello" }).where(eq(users.id, subject.designer.id)).run();
    db().update(users).set({ name: "Tomasz Nowak" }).where(eq(users.id, subject.reviewer.id)).run();
    db()
      .update(ratings)
      .set({ evidence: "Aisha Bello pushed on rollback; as Aisha noted, Tomasz agreed. Aishatown is a place." })
      .where(eq(ratings.dimensionKey, "evaluation"))
      .run();
    const data = subjectAccessData(subject.candidate.id, now())!;
    const json = JSON.stringify(data);
    for (const name of ["Aisha Bello", "Tomasz Nowak", subject.hm.name, "Aisha noted"]) expect(json).not.toContain(name);
    expect(data.tables.scorecards!.map((s) => s.interviewer_id).sort()).toEqual(["Interviewer 1", "Interviewer 2"]);
    expect(data.tables.decisions![0]!.decided_by_id).toBe("Hiring manager 1");
    const evidence = data.tables.ratings!.find(
      (r) => r.dimension_key === "evaluation" && String(r.evidence).includes("rollback"),
    )!.evidence;
    expect(evidence).toBe("Interviewer 1 pushed on rollback; as Interviewer 1 noted, Interviewer 2 agreed. Aishatown is a place.");
    expect(data.auditLog.some((e) => e.by === "Hiring manager 1")).toBe(true);
  });

  it("reads as a document: details, scorecards with their levels and evidence, the code review, the decision, and the JSON", async () => {
    const { subject } = await twoCandidates();
    const data = subjectAccessData(subject.candidate.id, now())!;
    const html = renderToStaticMarkup(createElement(SubjectAccessDocument, { data, labels: subjectAccessLabels(data) }));
    for (const text of [
      "Your data held by Loopwise",
      PERSON.email,
      "Lead ML Engineer, Fraud Platform",
      "ML system design",
      "2 Below the bar",
      "said monitoring can wait",
      "fraud_service/api.py:12",
      "Decision: No hire",
      "Emails about you",
      `Scorecard owed: ${PERSON.name}`,
      "All of the data (JSON)",
    ])
      expect(html).toContain(text.replaceAll("'", "&#x27;"));
  });

  it("holds the take-home grade's history, the emails about them, and failed sign-ins typed with their addresses", async () => {
    const { subject } = await twoCandidates();
    saveTakeHomeGrade(subject.reviewer, subject.assignmentId, { checked: [], notes: "Clear README; thin tests." }, now());
    updateCandidate(
      subject.hm,
      subject.candidate.id,
      { ...PERSON, email: "zanele@example.com", positionId: subject.position.id, source: "referral", notes: "" },
      now(),
    );
    for (const email of [PERSON.email, "ZANELE@example.com", "not.zanele@example.com"])
      await signIn({ email, password: "a guess", client: "192.0.2.4", now: now(), wait: async () => {} });
    // Written as sign-ins were before the typed address moved into `after`.
    db()
      .insert(auditLog)
      .values({
        at: now(),
        actorLabel: PERSON.email,
        action: "sign_in_failed",
        entityType: "sign_in",
        entityId: PERSON.email,
        summary: "Wrong password (from 10.0.0.1)",
      })
      .run();
    const data = subjectAccessData(subject.candidate.id, now())!;
    const grade = data.auditLog.find((e) => e.about === `take_home_grade ${subject.assignmentId}`);
    expect(grade).toMatchObject({ by: "Interviewer 2", after: { notes: "Clear README; thin tests." } });
    expect(data.tables.outbox).toEqual([
      expect.objectContaining({ to_address: "Interviewer 2", to_name: "Interviewer 2", subject: `Scorecard owed: ${PERSON.name}` }),
      // The outcome reminder their manager was sent after a hire.
      expect.objectContaining({ to_address: "Hiring manager 1", subject: `90-day outcome due: ${PERSON.name}` }),
    ]);
    const signIns = data.auditLog.filter((e) => e.action === "sign_in_failed");
    expect(signIns.map((e) => [e.summary, e.after])).toEqual([
      ["Unknown email address (from 192.0.2.4)", { email: PERSON.email }],
      ["Unknown email address (from 192.0.2.4)", { email: "zanele@example.com" }],
      ["Wrong password (from 10.0.0.1)", null],
    ]);
    expect(JSON.stringify(data)).not.toContain("not.zanele");
  });

  it("names every colleague by label, linked to the candidate's rows or not, by full, given or family name and by address", async () => {
    const { subject } = await twoCandidates();
    db().update(users).set({ name: "Mei Tanaka", email: "mei.t@loopwise.test" }).where(eq(users.id, subject.designer.id)).run();
    db().update(users).set({ name: "Tomasz Nowak" }).where(eq(users.id, subject.reviewer.id)).run();
    const admin = await makeUser("admin", { name: "Siobhan Kelly", email: "siobhan@loopwise.test" });
    // Shares a given name with another colleague, and one with the candidate.
    await makeUser("interviewer", { name: "Mei Chen", email: "mei.c@loopwise.test" });
    await makeUser("interviewer", { name: "Zanele Dube", email: "z.dube@loopwise.test" });
    db()
      .update(ratings)
      .set({
        evidence:
          "Siobhan (siobhan@loopwise.test) joined; Nowak agreed with Tomasz Nowak. Mei Tanaka asked, then MEI.T@LOOPWISE.TEST wrote. " +
          "Meitner's work came up, x.siobhan@loopwise.test is not hers, and Mei said so. Zanele Dube is not Zanele.",
      })
      .where(eq(ratings.dimensionKey, "evaluation"))
      .run();
    const data = subjectAccessData(subject.candidate.id, now())!;
    const evidence = data.tables.ratings!.find((r) => r.dimension_key === "evaluation" && String(r.evidence).includes("joined"))!.evidence;
    expect(evidence).toBe(
      "Admin 1 (Admin 1) joined; Interviewer 2 agreed with Interviewer 2. Interviewer 1 asked, then Interviewer 1 wrote. " +
        "Meitner's work came up, x.siobhan@loopwise.test is not hers, and A colleague said so. Interviewer 6 is not Zanele.",
    );
    const json = JSON.stringify(data);
    for (const text of [
      "Siobhan",
      "Kelly",
      "Tanaka",
      "Nowak",
      "Tomasz",
      "mei.t@",
      "mei.c@",
      "Dube",
      subject.hm.email,
      subject.reviewer.email,
    ])
      expect(json).not.toContain(text);
    // Colleagues the candidate's rows point at are numbered first; the rest follow by id.
    expect(data.tables.scorecards!.map((s) => s.interviewer_id).sort()).toEqual(["Interviewer 1", "Interviewer 2"]);
    expect(admin.role).toBe("admin");
    // Their own name stays theirs, though a colleague shares its given name.
    expect(data.tables.candidates![0]!.name).toBe(PERSON.name);
  });

  it("is not made for an unknown or erased candidate", async () => {
    expect(subjectAccessData(424242, now())).toBeNull();
  });
});
