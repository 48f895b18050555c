// The subject-access export: every row held about the candidate, in every table, and nothing about
// anyone else; colleagues appear by role and number, never by name.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ratings, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory } from "#tests/factories";
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
    ])
      expect(json).toContain(text);
    expect(json).not.toContain("Bartholomew");
    expect(json).not.toContain("b.quince");
    // The audit log's entries about their records, with what changed.
    expect(data.auditLog.map((e) => e.summary)).toContain(`Added candidate ${PERSON.name}`);
    expect(data.auditLog.find((e) => e.summary.startsWith("Edited candidate"))?.before).toEqual({
      notes: `${PERSON.name} prefers calls; write to ${PERSON.email}.`,
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
      "All of the data (JSON)",
    ])
      expect(html).toContain(text.replaceAll("'", "&#x27;"));
  });

  it("is not made for an unknown or erased candidate", async () => {
    expect(subjectAccessData(424242, now())).toBeNull();
  });
});
