// One length per stage: the slot the hiring manager books, the kit's time plan and the figure the
// candidate's prompt names, for every kit that ships and for the demo organisation.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { candidates, exercises, interviews } from "#db/schema";
import { seedDemoData } from "#db/seed";
import { db } from "#app/utils/db.server";
import { makeOrganisation } from "#tests/factories";
import { eq } from "drizzle-orm";
import { readExerciseFolder } from "./exercise.server";
import { schedulingOptions } from "./loop-scheduling.server";
import { loadExercises } from "./exercise.server";
import { loadRubrics } from "./rubric.server";
import { promptMinutes, promptMinutesProblem, stageMinutes } from "./stage-minutes";

const kitFolders = readdirSync(path.resolve("exercises"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => path.resolve("exercises", d.name))
  .filter((dir) => {
    try {
      return JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8")).kind === "interview_kit";
    } catch {
      return false;
    }
  });

describe("a live kit's length", () => {
  it.each(kitFolders.filter((dir) => !dir.includes("take-home")).map((dir) => [path.basename(dir), dir]))(
    "%s: its time plan and its prompt name the same figure",
    (_slug, dir) => {
      const { meta, content } = readExerciseFolder(dir);
      expect(meta.timePlan.reduce((sum, p) => sum + p.minutes, 0)).toBe(meta.durationMinutes);
      expect(promptMinutes(content.prompt)).toBe(meta.durationMinutes);
    },
  );

  it("is refused when the prompt tells the candidate another figure, or none", () => {
    expect(promptMinutesProblem("## How the time is used (75 minutes)\n", 75)).toBeNull();
    expect(promptMinutesProblem("## How the time is used (90 minutes)\n", 75)).toBe(
      "tells the candidate 90 minutes but the kit's time plan is 75",
    );
    expect(promptMinutesProblem("## Your task\nTake your time.", 50)).toBe('must say "## How the time is used (50 minutes)"');
  });
});

describe("the slot's length", () => {
  it("is the kit's when there is one, the rubric stage's otherwise", () => {
    expect(stageMinutes({ minutes: 60 }, { durationMinutes: 55 })).toBe(55);
    expect(stageMinutes({ minutes: 60 }, null)).toBe(60);
  });

  it("defaults, on the scheduling form, to each stage's default kit's length", () => {
    const { position } = makeOrganisation();
    const candidate = db()
      .insert(candidates)
      .values({ name: "Ada Obi", email: "ada@example.com", positionId: position.id, source: "referral" })
      .returning()
      .get();
    const options = schedulingOptions(candidate.id);
    const kits = db().select({ id: exercises.id, durationMinutes: exercises.durationMinutes }).from(exercises).all();
    for (const stage of options.stages) {
      const kit = kits.find((k) => k.id === options.defaultExercise[stage.key]);
      expect({ stage: stage.key, minutes: stage.minutes }).toEqual({ stage: stage.key, minutes: kit!.durationMinutes });
    }
  });

  it("of every demo interview with a kit is the kit's length", async () => {
    loadRubrics({ now: new Date() });
    loadExercises({ now: new Date() });
    await seedDemoData(db(), new Date());
    const rows = db()
      .select({ slot: interviews.durationMinutes, kit: exercises.durationMinutes })
      .from(interviews)
      .innerJoin(exercises, eq(exercises.id, interviews.exerciseId))
      .all();
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.slot !== r.kit)).toEqual([]);
  });
});
