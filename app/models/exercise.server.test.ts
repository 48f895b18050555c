import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISES_DIR, listExercisesByStage, loadExercises } from "./exercise.server";

describe("interview kits", () => {
  it("load once per version and are offered per stage", () => {
    const first = loadExercises({ now: new Date() });
    expect(first.filter((e) => e.created).length).toBeGreaterThanOrEqual(5);
    expect(loadExercises({ now: new Date() }).every((e) => !e.created)).toBe(true);
    const byStage = listExercisesByStage();
    expect(byStage.system_design?.length).toBeGreaterThanOrEqual(2);
    expect(byStage.debugging?.[0]?.title).toBeTruthy();
  });

  it("a bad meta.json names the folder and the field", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kits-"));
    cpSync(path.join(EXERCISES_DIR, "debugging-overnight-drop"), path.join(dir, "debugging-overnight-drop"), { recursive: true });
    writeFileSync(
      path.join(dir, "debugging-overnight-drop", "meta.json"),
      JSON.stringify({
        slug: "debugging-overnight-drop",
        kind: "interview_kit",
        stage: "cooking",
        title: "x",
        summary: "y",
        durationMinutes: 50,
        version: 1,
      }),
    );
    expect(() => loadExercises({ now: new Date(), dir })).toThrow(/debugging-overnight-drop\/meta\.json: invalid exercise[\s\S]*stage/);
  });
});
