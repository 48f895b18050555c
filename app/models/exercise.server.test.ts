import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISES_DIR, listExercisesByStage, loadExercises, readExerciseFolder } from "./exercise.server";
import { getKit } from "./kit.server";
import { readRubricFile, rubricFiles } from "./rubric.server";

/** A copy of one shipped kit in a folder of its own, to break on purpose. */
function copyOf(slug: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "kits-"));
  cpSync(path.join(EXERCISES_DIR, slug), path.join(dir, slug), { recursive: true });
  const file = (name: string) => path.join(dir, slug, name);
  const edit = (name: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(file(name), "utf8"));
    change(json);
    writeFileSync(file(name), JSON.stringify(json));
  };
  return { dir, folder: path.join(dir, slug), file, edit };
}

describe("interview kits", () => {
  it("load once per version, keep their content, and are offered per stage", () => {
    const first = loadExercises({ now: new Date() });
    expect(first.filter((e) => e.created).length).toBeGreaterThanOrEqual(6);
    expect(loadExercises({ now: new Date() }).every((e) => !e.created)).toBe(true);
    const byStage = listExercisesByStage();
    expect(byStage.system_design?.length).toBeGreaterThanOrEqual(2);
    expect(byStage.debugging?.map((e) => e.slug).sort()).toEqual([
      "debugging-fraud-unit-change",
      "debugging-overnight-drop",
      "debugging-support-assistant",
    ]);
    const design = getKit(byStage.system_design![0]!.id)!;
    expect(design.content?.factSheet).toMatch(/^# Fact sheet/);
    expect(design.content?.timePlan.reduce((s, p) => s + p.minutes, 0)).toBe(design.durationMinutes);
  });

  it("every kit's length agrees with the newest rubric's stage (v2 gives the take-home its three hours)", () => {
    const stages = readRubricFile(rubricFiles().at(-1)!).stages;
    const kits = [
      "system-design-fraud-scoring",
      "system-design-feed-ranking",
      "debugging-overnight-drop",
      "debugging-fraud-unit-change",
      "debugging-support-assistant",
      "leadership-behavioural",
      "take-home-inference-service",
    ];
    for (const slug of kits) {
      const { meta } = readExerciseFolder(path.join(EXERCISES_DIR, slug));
      expect([slug, meta.durationMinutes]).toEqual([slug, stages.find((s) => s.key === meta.stage)!.minutes]);
    }
  });

  it.each([
    [
      "a bad stage in meta.json",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) => k.edit("meta.json", (m) => (m.stage = "cooking")),
      /debugging-overnight-drop\/meta\.json: invalid exercise[\s\S]*stage/,
    ],
    [
      "a time plan that doesn't add up",
      "leadership-behavioural",
      (k: ReturnType<typeof copyOf>) => k.edit("meta.json", (m) => ((m.timePlan as { minutes: number }[])[0]!.minutes = 10)),
      /leadership-behavioural\/meta\.json: invalid exercise\ntimePlan: the phases add up to 52 minutes but durationMinutes is 45/,
    ],
    [
      "a guide without the four-level mapping",
      "leadership-behavioural",
      (k: ReturnType<typeof copyOf>) =>
        writeFileSync(k.file("guide.md"), readFileSync(k.file("guide.md"), "utf8").replace("## On the rubric's four levels", "## Levels")),
      /leadership-behavioural\/guide\.md: missing the section\(s\) "## On the rubric's four levels"/,
    ],
    [
      "a system-design kit without its fact sheet",
      "system-design-fraud-scoring",
      (k: ReturnType<typeof copyOf>) => rmSync(k.file("fact-sheet.md")),
      /system-design-fraud-scoring: missing fact-sheet\.md/,
    ],
    [
      "evidence in a source that doesn't exist",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) => k.edit("scenario.json", (s) => ((s.evidence as { source: string }[])[2]!.source = "astrology")),
      /debugging-overnight-drop\/scenario\.json: invalid scenario\nevidence\.2\.source: unknown source "astrology"/,
    ],
    [
      "an ideal path through unknown evidence",
      "debugging-fraud-unit-change",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => ((s.idealPath as { evidence: string }[])[1]!.evidence = "crystal-ball")),
      /idealPath\.1\.evidence: unknown evidence "crystal-ball"/,
    ],
    [
      "a reveal that references a missing artefact",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => {
          const item = (s.evidence as { id: string; artefacts: unknown[] }[]).find((e) => e.id === "null-rates")!;
          item.artefacts = [{ ref: "no-such-table" }];
        }),
      /evidence\.\d+\.artefacts\.0\.ref: unknown artefact "no-such-table"/,
    ],
    [
      "a timeline that runs backwards",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) => k.edit("scenario.json", (s) => ((s.timeline as { at: string }[])[5]!.at = "2026-12-01T00:10")),
      /timeline\.5\.at: runs backwards: 2026-12-01T00:10 comes after 2026-12-01T01:05/,
    ],
    [
      "a candidate paged before the story has happened",
      "debugging-support-assistant",
      (k: ReturnType<typeof copyOf>) => k.edit("scenario.json", (s) => ((s.clock as { start: string }).start = "2026-12-08T09:00")),
      /clock\.start: the candidate is paged at 2026-12-08T09:00, before the timeline's last event \(2026-12-09T09:15\)/,
    ],
    [
      "an item that shows the cause listed in a menu",
      "debugging-fraud-unit-change",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => ((s.evidence as { id: string; menu: boolean }[]).find((e) => e.id === "raw-events")!.menu = true)),
      /evidence\.\d+\.menu: "raw-events" shows the cause, so it can't be listed in a menu/,
    ],
    [
      'a "meets" that requires an action the scenario makes pointless',
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => ((s.levels as { evidence: string[] }[])[2]!.evidence = ["rollback-v230"])),
      /levels\.2\.evidence\.0: "meets" can't require "rollback-v230": the scenario makes it pointless/,
    ],
    [
      "a query on a table the warehouse doesn't have",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => {
          (s.evidence as { id: string; query: { tables: string[] } }[]).find((e) => e.id === "join-match-rate")!.query.tables = ["sellers"];
        }),
      /evidence\.\d+\.query\.tables\.0: unknown table "sellers"/,
    ],
    [
      "a chart series shorter than its x axis",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => {
          const chart = (s.evidence as { artefacts: { series: { values: number[] }[] }[] }[])[0]!.artefacts[0]!;
          chart.series[0]!.values.pop();
        }),
      /evidence\.0\.artefacts\.0\.series\.0\.values: has 12 values for 13 x labels/,
    ],
    [
      "a table row with a missing cell",
      "debugging-overnight-drop",
      (k: ReturnType<typeof copyOf>) =>
        k.edit("scenario.json", (s) => {
          const table = (s.evidence as { id: string; artefacts: { rows: unknown[][] }[] }[]).find((e) => e.id === "freshness")!
            .artefacts[0]!;
          table.rows[1]!.pop();
        }),
      /evidence\.\d+\.artefacts\.0\.rows\.1: has 3 cells for 4 columns/,
    ],
    [
      "two checklist items with one id",
      "take-home-inference-service",
      (k: ReturnType<typeof copyOf>) => k.edit("checklist.json", (c) => ((c.items as { id: string }[])[1]!.id = "runs-from-readme")),
      /take-home-inference-service\/checklist\.json: invalid checklist\nitems\.1\.id: "runs-from-readme" is used twice/,
    ],
    [
      "a checklist item with an unknown level",
      "take-home-inference-service",
      (k: ReturnType<typeof copyOf>) => k.edit("checklist.json", (c) => ((c.items as { level: string }[])[3]!.level = "exceptional")),
      /take-home-inference-service\/checklist\.json: invalid checklist\nitems\.3\.level: unknown level "exceptional": use meets, exceeds_required, exceeds, red_flag/,
    ],
    [
      "a prompt that hides a checklist category",
      "take-home-inference-service",
      (k: ReturnType<typeof copyOf>) =>
        writeFileSync(k.file("prompt.md"), readFileSync(k.file("prompt.md"), "utf8").replace("### Tests\n", "")),
      /take-home-inference-service\/prompt\.md: "## What we assess" doesn't name the category "Tests" \(as "### Tests"\)/,
    ],
    [
      "a prompt with a second time limit",
      "take-home-inference-service",
      (k: ReturnType<typeof copyOf>) =>
        writeFileSync(
          k.file("prompt.md"),
          readFileSync(k.file("prompt.md"), "utf8").replace("stop when they are up", "stop at 4 hours at the latest"),
        ),
      /take-home-inference-service\/prompt\.md: states 4 hours; the time box is 3 hours/,
    ],
    [
      "a guide that says four hours",
      "take-home-inference-service",
      (k: ReturnType<typeof copyOf>) =>
        writeFileSync(k.file("guide.md"), readFileSync(k.file("guide.md"), "utf8").replace("three-hour time box", "four-hour time box")),
      /take-home-inference-service\/guide\.md: states 4 hours; the time box is 3 hours/,
    ],
    [
      "a take-home file that is missing",
      "take-home-inference-service",
      (k: ReturnType<typeof copyOf>) => rmSync(k.file("files/make_data.py")),
      /take-home-inference-service\/files: missing make_data\.py/,
    ],
  ] as [string, string, (k: ReturnType<typeof copyOf>) => void, RegExp][])(
    "refuse %s, naming the file and the field",
    (_label, slug, breakIt, message) => {
      const kit = copyOf(slug);
      breakIt(kit);
      expect(() => loadExercises({ now: new Date(), dir: kit.dir })).toThrow(message);
    },
  );
});
