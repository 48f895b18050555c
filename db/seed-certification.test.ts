// The demo's certification story: five interviewers certified on every stage with gold samples,
// Mei Lin Chen on none (so scheduling her warns), and Kwame due to recertify (his leniency moved).
import { describe, expect, it } from "vitest";
import { db } from "#app/utils/db.server";
import { loadExercises } from "#app/models/exercise.server";
import { loadRubrics } from "#app/models/rubric.server";
import { certificationStatus } from "#app/models/gold-sample.server";
import { getLeniencyTable } from "#app/models/calibration.server";
import { needsRecertification } from "#app/models/certification";
import { certificationRules } from "#app/models/gold-sample.server";
import { users } from "./schema";
import { seedDemoData } from "./seed";

const now = new Date("2026-12-07T09:00:00Z");

describe("the demo seed's certification", () => {
  it("certifies all but Mei on every stage with gold samples, and asks Kwame to recertify", async () => {
    loadRubrics({ now });
    loadExercises({ now });
    await seedDemoData(db(), now);
    const people = db().select().from(users).all();
    const status = certificationStatus(people.map((p) => p.id));
    const byEmail = (email: string) => status.get(people.find((p) => p.email === email)!.id)!;
    for (const email of ["aisha", "tomasz", "rafael", "siobhan", "kwame"].map((n) => `${n}@loopwise.test`))
      expect([...byEmail(email).values()].filter((s) => s.stage !== "code_review").map((s) => [s.stage, s.certified])).toEqual([
        ["debugging", true],
        ["leadership", true],
        ["system_design", true],
      ]);
    const mei = byEmail("mei@loopwise.test");
    expect(mei.get("system_design")).toMatchObject({ certified: false, rated: 1, missing: "1 of 2 gold samples rated" });
    expect(mei.get("debugging")?.certified).toBe(false);

    // Grading: Aisha and Siobhán certified; Kwame graded one review and is not; Tomasz hasn't started.
    for (const email of ["aisha", "siobhan"].map((n) => `${n}@loopwise.test`))
      expect(byEmail(email).get("code_review")).toMatchObject({ certified: true, rated: 4 });
    expect(byEmail("kwame@loopwise.test").get("code_review")).toMatchObject({
      certified: false,
      rated: 1,
      missing: "1 of 2 gold samples rated",
    });
    expect(byEmail("tomasz@loopwise.test").get("code_review")).toMatchObject({ certified: false, rated: 0 });

    const kwame = people.find((p) => p.email === "kwame@loopwise.test")!;
    const drift = needsRecertification(
      byEmail("kwame@loopwise.test").get("system_design")!.leniencyAtCertification,
      getLeniencyTable().get(kwame.id)!.leniency,
      certificationRules(),
    );
    expect(drift?.due).toBe(true);
  });
});
