import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rubricDimensions, rubricLevels, rubricSignals, rubricVersions } from "#db/schema";
import { db } from "#app/utils/db.server";
import { getLatestRubricVersion, loadRubrics, readRubricFile, RUBRICS_DIR, rubricFiles, unloadedRubricFiles } from "./rubric.server";

const shipped = () => JSON.parse(readFileSync(path.join(RUBRICS_DIR, "lead-ml-engineer.v1.json"), "utf8"));

function writeRubric(content: unknown, name = "bad.v1.json") {
  const dir = mkdtempSync(path.join(tmpdir(), "rubric-"));
  writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return { dir, file: path.join(dir, name) };
}

describe("the shipped Lead ML Engineer rubric", () => {
  it("is section 19's scorecard: seven dimensions weighted 20/20/20/15/10/10/5", () => {
    const rubric = readRubricFile(rubricFiles()[0]!);
    expect(rubric.dimensions.map((d) => [d.key, d.weight])).toEqual([
      ["ml_system_design", 20],
      ["software_engineering", 20],
      ["mlops_operations", 20],
      ["data_quality", 15],
      ["evaluation", 10],
      ["leadership", 10],
      ["communication", 5],
    ]);
    expect(rubric.scale.map((s) => s.label)).toEqual(["Strong concern", "Below the bar", "Meets the bar", "Exceeds the bar"]);
    expect(rubric.bands.map((b) => [b.label, b.minScore])).toEqual([
      ["Strong hire", 3.5],
      ["Hire", 3],
      ["Lean no hire", 2.5],
      ["No hire", 1],
    ]);
    expect(rubric.signals.filter((s) => s.kind === "red_flag")).toHaveLength(5);
  });

  it("has distinct, substantial anchor text for every level of every dimension", () => {
    const rubric = readRubricFile(rubricFiles()[0]!);
    const anchors = rubric.dimensions.flatMap((d) => d.levels.map((l) => l.anchor));
    expect(anchors).toHaveLength(28);
    expect(new Set(anchors).size).toBe(28);
    for (const a of anchors) expect(a.length).toBeGreaterThan(120);
  });

  it("loads as version 1 with its levels and signals, and loading again changes nothing", () => {
    const first = loadRubrics({ now: new Date() });
    expect(first).toEqual([expect.objectContaining({ key: "lead-ml-engineer", version: 1, created: true })]);
    const again = loadRubrics({ now: new Date() });
    expect(again).toEqual([expect.objectContaining({ id: first[0]!.id, created: false })]);
    expect(db().select().from(rubricVersions).all()).toHaveLength(1);
    const dims = db().select().from(rubricDimensions).where(eq(rubricDimensions.rubricVersionId, first[0]!.id)).all();
    expect(dims).toHaveLength(7);
    expect(db().select().from(rubricLevels).all()).toHaveLength(28);
    expect(db().select().from(rubricSignals).all()).toHaveLength(16);
  });
});

describe("a fresh database starts on a rubric's first version", () => {
  it("publishes v1 and leaves v2 to the rubric-version flow, offered on the Rubric page as a file to load", () => {
    expect(rubricFiles().map((f) => path.basename(f))).toEqual(["lead-ml-engineer.v1.json", "lead-ml-engineer.v2.json"]);
    loadRubrics({ now: new Date() });
    expect(db().select({ version: rubricVersions.version, status: rubricVersions.status }).from(rubricVersions).all()).toEqual([
      { version: 1, status: "published" },
    ]);
    expect(getLatestRubricVersion("lead-ml-engineer")?.version).toBe(1);
    expect(unloadedRubricFiles()).toEqual([
      { name: "lead-ml-engineer.v2.json", title: "Lead Machine Learning Engineer", version: 2, problem: null },
    ]);
  });

  it("whatever order or numbering the files have: the lowest version is the first", () => {
    const { dir } = writeRubric({ ...shipped(), version: 3 }, "lead.v3.json");
    writeFileSync(path.join(dir, "lead.v2.json"), JSON.stringify({ ...shipped(), version: 2 }));
    expect(loadRubrics({ now: new Date(), dir }).map((r) => r.version)).toEqual([2]);
    expect(loadRubrics({ now: new Date(), dir }).map((r) => [r.version, r.created])).toEqual([[2, false]]);
  });
});

describe("a bad rubric file fails loudly, naming the file and field", () => {
  it("weights that do not sum to 100", () => {
    const r = shipped();
    r.dimensions[0].weight = 25;
    const { file } = writeRubric(r);
    expect(() => readRubricFile(file)).toThrow(/bad\.v1\.json[\s\S]*dimensions: weights sum to 105, not 100/);
  });
  it("a signal pointing at an unknown dimension", () => {
    const r = shipped();
    r.signals[2].dimension = "vibes";
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/signals\.2\.dimension: unknown dimension "vibes"/);
  });
  it("a missing anchor", () => {
    const r = shipped();
    r.dimensions[3].levels[1].anchor = "  ";
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions\.3\.levels\.1\.anchor: must not be empty/);
  });
  it("a missing field", () => {
    const r = shipped();
    delete r.description;
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/bad\.v1\.json: invalid rubric\ndescription: /);
  });
  it("weights summing to 99, a negative weight, a fractional one", () => {
    const r = shipped();
    r.dimensions[6].weight = 4;
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions: weights sum to 99, not 100/);
    r.dimensions[6].weight = -5;
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions\.6\.weight: must be at least 1/);
    r.dimensions[6].weight = 4.5;
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions\.6\.weight: must be a whole number/);
  });
  it("five anchors", () => {
    const r = shipped();
    r.dimensions[1].levels.push({ level: 4, anchor: "Once more" });
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions\.1\.levels: needs exactly four levels/);
  });
  it("duplicate keys", () => {
    const r = shipped();
    r.dimensions[1].key = r.dimensions[0].key;
    r.signals[1].key = r.signals[0].key;
    const error = (() => {
      try {
        readRubricFile(writeRubric(r).file);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/dimensions\.1\.key: duplicate dimension "ml_system_design"/);
    expect(error).toMatch(/signals\.1\.key: duplicate signal/);
  });
  it("thresholds out of order", () => {
    const r = shipped();
    r.bands[2].minScore = 3.2;
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(
      /bands\.2\.minScore: must be below Hire's 3: thresholds run from highest to lowest/,
    );
  });
  it("a floor naming a band that isn't there, or the lowest band", () => {
    const r = shipped();
    r.dimensions[0].floor = { atOrBelow: 2, blocks: "superb" };
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions\.0\.floor\.blocks: unknown band "superb"/);
    r.dimensions[0].floor = { atOrBelow: 2, blocks: "no_hire" };
    expect(() => readRubricFile(writeRubric(r).file)).toThrow(/dimensions\.0\.floor\.blocks: a floor can't rule out the lowest band/);
  });
  it("broken JSON", () => {
    expect(() => readRubricFile(writeRubric("{ nope").file)).toThrow(/bad\.v1\.json: not valid JSON/);
  });
  it("an edited file under a version that is already loaded", () => {
    const r = shipped();
    const { dir, file } = writeRubric(r, "lead.v1.json");
    loadRubrics({ now: new Date(), dir });
    r.dimensions[0].levels[0].anchor += " Edited.";
    writeFileSync(file, JSON.stringify(r));
    expect(() => loadRubrics({ now: new Date(), dir })).toThrow(/already loaded with different content.*version 2/);
  });
});
