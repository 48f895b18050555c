// Erasure: no trace of the person in any table, export or audit entry; the ratings stay, so
// calibration is unchanged; a legal hold, an unknown or an already-erased candidate stop it.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, candidates, interviews, loops, ratings } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeOrganisation, makeUser } from "#tests/factories";
import { signIn } from "#app/auth/sign-in.server";
import { createCandidate, updateCandidate } from "./candidate.server";
import { getCalibration, getLeniencyTable } from "./calibration.server";
import { getComparison } from "./compare.server";
import { eraseCandidate, erasurePlan } from "./erasure.server";
import { exportResults, exportScorecards } from "./export.server";
import { scheduleLoop } from "./loop.server";
import { listPipeline } from "./pipeline.server";
import { setLegalHold } from "./retention.server";
import { saveTakeHomeGrade } from "./take-home.server";

const ZANELE = { name: "Zanele Okonkwo-Brightwater", email: "zanele.ob@example.org" };
const now = () => new Date();

/** Every text a person could be found by, in every column of every table. */
function occurrences(needle: string) {
  const client = db().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
    name: string;
  }[];
  const found: string[] = [];
  for (const { name: table } of tables)
    for (const { name: column } of client.pragma(`table_info("${table}")`) as { name: string }[]) {
      const n = (
        client.prepare(`select count(*) as n from "${table}" where instr(lower(cast("${column}" as text)), lower(?)) > 0`).get(needle) as {
          n: number;
        }
      ).n;
      if (n) found.push(`${table}.${column}: ${n}`);
    }
  return found;
}

const traces = (person: { name: string; email: string }) => [person.name, person.email, person.name.split(" ")[0]!].flatMap(occurrences);

describe("erasing a candidate", () => {
  it("leaves no trace of their name, email or free text in any table, export or audit entry", async () => {
    const { candidate, loop } = await makeCandidateWithHistory(ZANELE);
    const bystander = await makeCandidateWithHistory({ name: "Bartholomew Quince", email: "b.quince@example.net" });
    const admin = await makeUser("admin");
    // Planted everywhere first, or the checks below would prove nothing.
    expect(traces(ZANELE)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^candidates\.name/),
        expect.stringMatching(/^ratings\.evidence/),
        expect.stringMatching(/^scorecards\.takeaways/),
        expect.stringMatching(/^scorecard_signals\.note/),
        expect.stringMatching(/^assignments\.summary/),
        expect.stringMatching(/^assignments\.comment_draft/),
        expect.stringMatching(/^review_comments\.body/),
        expect.stringMatching(/^review_grade_items\.note/),
        expect.stringMatching(/^decisions\.rationale/),
        expect.stringMatching(/^audit_log\.summary/),
        expect.stringMatching(/^audit_log\.before/),
        expect.stringMatching(/^audit_log\.after/),
      ]),
    );
    const levels = db().select({ level: ratings.level }).from(ratings).all();
    const leniency = getLeniencyTable();
    const calibration = getCalibration();

    expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({ ok: true });

    expect(traces(ZANELE)).toEqual([]);
    const viewer = { id: admin.id, role: admin.role };
    const everywhere = JSON.stringify([
      [...exportScorecards(viewer, {})],
      exportResults(viewer, {}),
      getComparison(candidate.positionId),
      listPipeline({ state: "all", now: now() }),
    ]);
    for (const needle of [ZANELE.name, ZANELE.email, "Zanele"]) expect(everywhere).not.toContain(needle);
    // The ratings stay, unlinked from anyone, so calibration has the same evidence as before.
    expect(db().select({ level: ratings.level }).from(ratings).all()).toEqual(levels);
    expect(getLeniencyTable()).toEqual(leniency);
    expect(getCalibration()).toEqual(calibration);
    expect(db().select().from(loops).where(eq(loops.id, loop.id)).get()?.candidateId).toBe(candidate.id);
    // Someone else's data is untouched.
    expect(traces({ name: "Bartholomew Quince", email: "b.quince@example.net" }).length).toBeGreaterThan(10);
    expect(JSON.stringify([...exportScorecards(viewer, {})])).toContain("Bartholomew Quince");
    expect(bystander.candidate.id).not.toBe(candidate.id);

    // The audit log says an erasure happened, by whom and when, and nothing that was erased.
    const entry = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.summary, `Erased candidate #${candidate.id}: at the candidate's request`))
      .get();
    expect(entry).toMatchObject({ actorId: admin.id, actorLabel: admin.name, at: now(), action: "delete", entityType: "candidate" });
    const redacted = db().select().from(auditLog).where(eq(auditLog.redacted, true)).all();
    expect(redacted.length).toBeGreaterThan(5);
    expect(redacted.every((e) => e.before === null && e.after === null)).toBe(true);
    expect(redacted.map((e) => e.summary)).toContain("Added candidate [erased]");
  });

  it("ends an open loop: upcoming interviews are cancelled and the code-review link stops working", async () => {
    const { candidate, loop, assignmentId } = await makeCandidateWithHistory(ZANELE);
    const admin = await makeUser("admin");
    db().update(loops).set({ status: "open", closedAt: null }).where(eq(loops.id, loop.id)).run();
    const upcoming = db()
      .insert(interviews)
      .values({
        loopId: loop.id,
        stage: "leadership",
        interviewerId: admin.id,
        scheduledAt: new Date(Date.now() + 86400_000),
        durationMinutes: 45,
      })
      .returning()
      .get();
    db().update(assignments).set({ status: "started" }).where(eq(assignments.id, assignmentId)).run();
    const token = db().select().from(assignments).get()!.tokenId;
    expect(erasurePlan(candidate.id, now())).toMatchObject({ erased: false, upcoming: 1 });

    expect(eraseCandidate(admin, candidate.id, "retention", now())).toEqual({ ok: true });
    expect(db().select().from(interviews).where(eq(interviews.id, upcoming.id)).get()?.status).toBe("cancelled");
    expect(db().select().from(loops).where(eq(loops.id, loop.id)).get()).toMatchObject({ status: "closed", closedAt: now() });
    expect(db().select().from(assignments).get()).toMatchObject({ status: "revoked", commentDraft: null });
    expect(db().select().from(assignments).get()?.tokenId).not.toBe(token);
  });

  it("names what will be erased and what kept", async () => {
    const { candidate } = await makeCandidateWithHistory(ZANELE);
    const plan = erasurePlan(candidate.id, now())!;
    if (plan.erased) throw new Error("not erased yet");
    expect(plan.erase).toEqual([
      "Their name, email address, recruiter notes and summary for the panel",
      "Evidence written in 7 ratings",
      "Take-aways of 2 scorecards",
      "The note on 1 checked signal",
      "Their code-review summary",
      "1 code-review comment",
      "The grader's note on 1 code-review item",
      "A code-review comment they were typing",
      "Their incident root cause",
      "Their incident mitigation",
      "Their incident prevention",
      "1 hypothesis or ask in their incident",
      "The repository address of their take-home",
      "Their take-home notes",
      "The grader's notes on their take-home",
      // The scorecard reminder to an interviewer, and the outcome reminder to the hire's manager.
      "The subjects of 2 reminder emails about them",
      "The bodies of 2 reminder emails about them",
      "The manager's note on 1 outcome after the hire",
      "The decision's rationale",
      expect.stringMatching(/^Their name and what changed in \d+ audit entries \(who did what, and when, stay\)$/),
    ]);
    expect(plan.keep).toEqual({ ratings: 7, scorecards: 2, interviews: 2, decisions: 1 });
  });

  it("is stopped by a legal hold, and changes nothing", async () => {
    const { candidate } = await makeCandidateWithHistory(ZANELE);
    const admin = await makeUser("admin");
    expect(setLegalHold(admin, candidate.id, { reason: "Employment tribunal claim 2026-114" }, now()).ok).toBe(true);
    const result = eraseCandidate(admin, candidate.id, "request", now());
    expect(result).toEqual({
      ok: false,
      status: 409,
      message: expect.stringMatching(/legal hold \(Employment tribunal claim 2026-114\)\. Lift the hold/),
    });
    expect(db().select().from(candidates).where(eq(candidates.id, candidate.id)).get()).toMatchObject({
      name: ZANELE.name,
      erasedAt: null,
    });
    expect(db().select().from(auditLog).where(eq(auditLog.redacted, true)).all()).toEqual([]);
  });

  it("refuses an unknown candidate and one already erased, changing nothing", async () => {
    const { candidate } = await makeCandidateWithHistory(ZANELE);
    const admin = await makeUser("admin");
    expect(eraseCandidate(admin, 999_999, "request", now())).toEqual({ ok: false, status: 404, message: "There is no such candidate." });
    eraseCandidate(admin, candidate.id, "request", now());
    const entries = db()
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .get()!.n;
    expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({
      ok: false,
      status: 409,
      message: expect.stringMatching(/already erased on \d{4}-\d{2}-\d{2}; there is nothing left to erase/),
    });
    expect(
      db()
        .select({ n: sql<number>`count(*)` })
        .from(auditLog)
        .get()!.n,
    ).toBe(entries);
  });
});

/** Each audit entry's columns that could name someone, for entries holding any of `needles`. */
function auditHolding(needles: string[]) {
  const rows = db().select().from(auditLog).all();
  return rows.flatMap((e) =>
    (["summary", "before", "after", "actorLabel", "entityId"] as const).flatMap((column) => {
      const text = typeof e[column] === "string" ? (e[column] as string) : JSON.stringify(e[column]);
      return needles.filter((n) => text.toLowerCase().includes(n.toLowerCase())).map((n) => `#${e.id} ${column}: ${n}`);
    }),
  );
}

describe("erasing a candidate who was renamed, re-addressed, or whose address was typed at sign-in", () => {
  const FIRST = { name: "Oluwaseun Farthingale", email: "seun.f@example.org" };
  const SECOND = { name: "Seun Adeyemi-Farthing", email: "seun.af@example.net" };
  const THIRD = { name: "Seun Adeyemi-Farthing", email: "s.adeyemi@example.com" };

  async function renamedTwice() {
    const { position, rubricVersionId } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const interviewer = await makeUser("interviewer");
    const base = { positionId: position.id, source: "referral" as const, notes: "" };
    const candidate = createCandidate(hm, { ...FIRST, ...base }, now());
    // Named in summaries while the first name was current: the loop, its interview.
    scheduleLoop(hm, {
      candidateId: candidate.id,
      rubricVersionId,
      interviews: [
        {
          stage: "leadership",
          interviewerId: interviewer.id,
          scheduledAt: new Date(Date.now() - 3600_000),
          durationMinutes: 45,
          exerciseId: null,
        },
      ],
      now: now(),
    });
    updateCandidate(hm, candidate.id, { ...SECOND, ...base }, now());
    updateCandidate(hm, candidate.id, { ...THIRD, ...base }, now());
    return { candidate, hm, position };
  }

  it("takes every earlier name and address out of the audit log, not only the current ones", async () => {
    const { candidate } = await renamedTwice();
    const admin = await makeUser("admin");
    const everyone = [FIRST.name, FIRST.email, SECOND.name, SECOND.email, THIRD.email];
    expect(auditHolding([FIRST.name, SECOND.email])).not.toEqual([]);

    expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({ ok: true });
    expect(auditHolding(everyone)).toEqual([]);
    expect(everyone.flatMap(occurrences)).toEqual([]);
    const summaries = db()
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .all()
      .map((e) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining(["Added candidate [erased]", "Edited candidate [erased]"]));
    expect(summaries.some((s) => /^Scheduled a loop of 1 interview for \[erased\]$/.test(s))).toBe(true);
  });

  it("takes out a name too short to search for, as a whole word, from the entries about their records", async () => {
    const { position, rubricVersionId } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const admin = await makeUser("admin");
    const interviewer = await makeUser("interviewer", { name: "Lisa Olinga" });
    const candidate = createCandidate(
      hm,
      { name: "Li", email: "li.w@example.org", positionId: position.id, source: "referral", notes: "" },
      now(),
    );
    scheduleLoop(hm, {
      candidateId: candidate.id,
      rubricVersionId,
      interviews: [
        {
          stage: "leadership",
          interviewerId: interviewer.id,
          scheduledAt: new Date(Date.now() + 3600_000),
          durationMinutes: 45,
          exerciseId: null,
        },
      ],
      now: now(),
    });
    expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({ ok: true });
    const summaries = db()
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .all()
      .map((e) => e.summary);
    expect(summaries).toContain("Added candidate [erased]");
    // "Li" inside another word is left alone.
    expect(summaries.filter((s) => s.includes("Lisa Olinga for [erased]"))).toHaveLength(1);
  });

  it("takes the take-home grader's notes out of the audit log, though they never name the candidate", async () => {
    const { candidate, reviewer, assignmentId } = await makeCandidateWithHistory(ZANELE);
    const admin = await makeUser("admin");
    saveTakeHomeGrade(reviewer, assignmentId, { checked: [], notes: "Rushed the migration; tests were thorough." }, now());
    saveTakeHomeGrade(reviewer, assignmentId, { checked: [], notes: "Second look: the rollback plan is missing." }, now());
    expect(occurrences("rollback plan is missing").sort()).toEqual(["audit_log.after: 1", "take_home_grades.notes: 1"]);

    expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({ ok: true });
    expect([...occurrences("Rushed the migration"), ...occurrences("rollback plan is missing")]).toEqual([]);
    const grades = db().select().from(auditLog).where(eq(auditLog.entityType, "take_home_grade")).all();
    expect(grades.map((e) => [e.redacted, e.before, e.after])).toEqual([
      [true, null, null],
      [true, null, null],
    ]);
  });

  it("takes their address out of a failed staff sign-in typed with it", async () => {
    const { candidate } = await renamedTwice();
    const admin = await makeUser("admin");
    for (const email of [FIRST.email, THIRD.email.toUpperCase()])
      await signIn({ email, password: "a guess", client: "198.51.100.7", now: now(), wait: async () => {} });
    expect(auditHolding([FIRST.email, THIRD.email]).length).toBeGreaterThanOrEqual(2);

    expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({ ok: true });
    expect(auditHolding([FIRST.email, THIRD.email])).toEqual([]);
    const failed = db().select().from(auditLog).where(eq(auditLog.action, "sign_in_failed")).all();
    expect(failed.map((e) => [e.redacted, e.summary, e.actorLabel])).toEqual([
      [true, "Unknown email address (from 198.51.100.7)", "Not signed in"],
      [true, "Unknown email address (from 198.51.100.7)", "Not signed in"],
    ]);
  });

  describe("a failed sign-in written before the address moved into `after` (who and what hold it)", () => {
    function legacyFailedSignIn(email: string) {
      db()
        .insert(auditLog)
        .values({
          at: now(),
          actorLabel: email,
          action: "sign_in_failed",
          entityType: "sign_in",
          entityId: email,
          summary: "Wrong password (from 10.0.0.9)",
        })
        .run();
    }

    it("loses the address from who and what too (the trigger lets a redaction change them, nothing else)", async () => {
      const { candidate } = await renamedTwice();
      const admin = await makeUser("admin");
      legacyFailedSignIn(SECOND.email);
      expect(eraseCandidate(admin, candidate.id, "request", now())).toEqual({ ok: true });
      expect(auditHolding([SECOND.email])).toEqual([]);
      expect(db().select().from(auditLog).where(eq(auditLog.action, "sign_in_failed")).get()).toMatchObject({
        redacted: true,
        actorLabel: "[erased]",
        entityId: "[erased]",
        summary: "Wrong password (from 10.0.0.9)",
      });
      // The trigger still refuses everything else: a colleague's label, another entry's subject.
      expect(() =>
        db()
          .update(auditLog)
          .set({ redacted: true, before: null, after: null, actorLabel: "[erased]" })
          .where(eq(auditLog.actorId, admin.id))
          .run(),
      ).toThrow(/append-only/);
    });
  });
});
