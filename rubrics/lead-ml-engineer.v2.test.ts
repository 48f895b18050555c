// Rubric v2 as written: what changed from v1 and why each change is there (docs/decisions/008),
// checked against the kits it has to agree with, and the file format's new fields refusing bad input.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRubricFile, RUBRICS_DIR } from "#app/models/rubric.server";
import type { RubricFile } from "#app/models/rubric";

const file = (version: number) => path.join(RUBRICS_DIR, `lead-ml-engineer.v${version}.json`);
const v1 = () => readRubricFile(file(1));
const v2 = () => readRubricFile(file(2));
const raw = () => JSON.parse(readFileSync(file(2), "utf8"));
const dimension = (r: RubricFile, key: string) => r.dimensions.find((d) => d.key === key)!;
const anchor = (r: RubricFile, key: string, level: number) => dimension(r, key).levels[level - 1]!.anchor;

function problems(content: unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), "rubric-v2-"));
  const name = path.join(dir, "lead-ml-engineer.v2.json");
  writeFileSync(name, JSON.stringify(content));
  try {
    readRubricFile(name);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("rubric v2", () => {
  it("keeps v1's dimensions, weights, scale, bands and stages, and v1's file is untouched", () => {
    const [a, b] = [v1(), v2()];
    expect(a.version).toBe(1);
    expect(b.version).toBe(2);
    expect(b.dimensions.map((d) => [d.key, d.weight])).toEqual(a.dimensions.map((d) => [d.key, d.weight]));
    expect(b.bands).toEqual(a.bands);
    expect(b.scale).toEqual(a.scale);
    expect(b.stages.map((s) => [s.key, s.focus])).toEqual(a.stages.map((s) => [s.key, s.focus]));
    expect(a.dimensions.some((d) => d.floor)).toBe(false);
    expect(a.suggestionRules).toBeUndefined();
  });

  it("sets the floors: software engineering or MLOps at 2 or below rules out Hire and better, and nothing else", () => {
    expect(v2().dimensions.filter((d) => d.floor).map((d) => [d.key, d.floor])).toEqual([
      ["software_engineering", { atOrBelow: 2, blocks: "hire" }],
      ["mlops_operations", { atOrBelow: 2, blocks: "hire" }],
    ]);
  });

  it("gives the take-home three hours, as its kit and prompt say", () => {
    expect(v2().stages.find((s) => s.key === "take_home")!.minutes).toBe(180);
    expect(v1().stages.find((s) => s.key === "take_home")!.minutes).toBe(240);
  });

  it("gives the code review a slot every pull request's time limit fits in", () => {
    const limits = ["fraud-scoring-endpoint", "feature-backfill-pipeline", "churn-training-eval", "help-centre-answers-rag"].map(
      (slug) => JSON.parse(readFileSync(path.resolve("exercises", slug, "meta.json"), "utf8")).durationMinutes as number,
    );
    expect(v2().stages.find((s) => s.key === "code_review")!.minutes).toBe(Math.max(...limits));
  });

  it("has a red flag that maps to software engineering", () => {
    expect(v2().signals.filter((s) => s.kind === "red_flag" && s.dimension === "software_engineering")).toEqual([
      expect.objectContaining({ key: "ships_secrets_or_personal_data", text: expect.stringMatching(/personal data in its logs/) }),
    ]);
    expect(v1().signals.some((s) => s.kind === "red_flag" && s.dimension === "software_engineering")).toBe(false);
  });

  it("writes the code-review suggestion rules as data, each quoting the clause it enforces", () => {
    const r = v2();
    expect(r.suggestionRules).toEqual([
      expect.objectContaining({ stage: "code_review", dimension: "software_engineering", when: "decoy_flagged_blocking", capAt: 3 }),
      expect.objectContaining({ stage: "code_review", dimension: "software_engineering", when: "approved_with_open_critical", capAt: 2 }),
    ]);
    // The decoy rule enforces the level-4 clause word for word; the approval rule, level 2's "approves with it open".
    expect(r.suggestionRules![0]!.says).toContain("recognises plausible-looking lines that are fine");
    expect(anchor(r, "software_engineering", 4)).toContain("recognises plausible-looking lines that are fine");
    expect(anchor(r, "software_engineering", 2)).toContain("approves with it open");
  });

  it("writes down the partial-meets rule and what counts as prompted", () => {
    const { partialMeets, promptedVsProbed } = v2().raterGuidance!;
    expect(partialMeets).toMatch(/rate one level below it/);
    expect(partialMeets).toMatch(/nothing from a lower level was seen/);
    expect(promptedVsProbed).toMatch(/an answer to a probe counts as unprompted/);
    expect(promptedVsProbed).toMatch(/two deep-dive probes/);
  });

  it("has four distinct anchors per dimension, none repeating a sentence of its neighbour", () => {
    for (const d of v2().dimensions) {
      const sentences = d.levels.map((l) => new Set(l.anchor.split(/(?<=\.)\s+/)));
      for (let i = 1; i < 4; i++) {
        const shared = [...sentences[i]!].filter((s) => sentences[i - 1]!.has(s));
        expect([d.key, i, shared]).toEqual([d.key, i, []]);
      }
      for (const l of d.levels) expect(l.anchor.length).toBeGreaterThan(120);
    }
  });

  it("separates software engineering 1 from 2, and system design 2 from 3", () => {
    const r = v2();
    // v1 had "misses obvious defects" at 1 and "misses structural ones" at 2: one review could be both.
    expect(anchor(r, "software_engineering", 1)).toMatch(/finds none of the defects a reviewer must stop/);
    expect(anchor(r, "software_engineering", 2)).toMatch(/^Stops some of the defects a reviewer must stop/);
    // v1's 2 and 3 both described a walk through the pipeline; v2's 2 is "Meets the bar, not all of it".
    expect(anchor(r, "ml_system_design", 2)).toMatch(/at least one part of Meets the bar is missing or came only after a prompt/);
    expect(anchor(v1(), "ml_system_design", 2)).not.toMatch(/Meets the bar/);
  });

  it("no longer disagrees with the kits", () => {
    const r = v2();
    const everything = JSON.stringify(r).toLowerCase();
    // Neither design fact sheet has a feature store, and the take-home guide calls one gold-plating.
    for (const slug of ["system-design-fraud-scoring", "system-design-feed-ranking"])
      expect(readFileSync(path.resolve("exercises", slug, "fact-sheet.md"), "utf8")).toMatch(/no feature store|Feature store\*\*: there is none/i);
    expect(everything).not.toContain("feature store");
    // In both incidents a rollback changes nothing and every table is fresh: MLOps 3 must not reward them.
    expect(anchor(r, "mlops_operations", 3)).not.toMatch(/rollback|roll back|fresh/i);
    expect(anchor(v1(), "mlops_operations", 3)).toMatch(/freshness first, mitigates by rollback/);
    // The leadership kit accepts one team and its weekly partners for "meets".
    expect(anchor(r, "leadership", 3)).not.toMatch(/Data Science, Data Engineering and SRE/);
    expect(anchor(r, "leadership", 3)).toMatch(/a partner team/);
    // No pull request ships a dependency file, so no review can show unpinned dependencies.
    expect(anchor(r, "software_engineering", 3)).not.toMatch(/pin/i);
  });
});

describe("the new fields refuse bad input, naming the field", () => {
  it("a suggestion rule with an unknown condition", () => {
    const r = raw();
    r.suggestionRules[0].when = "looks_nervous";
    expect(problems(r)).toMatch(/suggestionRules\.0\.when: must be one of decoy_flagged_blocking, approved_with_open_critical/);
  });
  it("a rule on a dimension outside the stage's focus, or on no dimension at all", () => {
    const r = raw();
    r.suggestionRules[0].dimension = "leadership";
    r.suggestionRules[1].dimension = "vibes";
    const message = problems(r);
    expect(message).toMatch(/suggestionRules\.0\.dimension: "leadership" is not a focus dimension of the code_review stage/);
    expect(message).toMatch(/suggestionRules\.1\.dimension: unknown dimension "vibes"/);
  });
  it("a rule on a stage the rubric doesn't have, or a code-review condition on another stage", () => {
    const r = raw();
    r.stages = r.stages.filter((s: { key: string }) => s.key !== "code_review");
    expect(problems(r)).toMatch(/suggestionRules\.0\.stage: this rubric has no "code_review" stage/);
    const other = raw();
    other.suggestionRules[1].stage = "take_home";
    expect(problems(other)).toMatch(/suggestionRules\.1\.when: "approved_with_open_critical" is a fact of the code_review stage, not of take_home/);
  });
  it("a cap outside 1-3, an empty clause, the same rule twice", () => {
    const r = raw();
    r.suggestionRules[0].capAt = 4;
    r.suggestionRules[1].says = "  ";
    expect(problems(r)).toMatch(/suggestionRules\.0\.capAt: cap at level 1, 2 or 3[\s\S]*suggestionRules\.1\.says: must not be empty/);
    const twice = raw();
    twice.suggestionRules.push(twice.suggestionRules[0]);
    expect(problems(twice)).toMatch(/suggestionRules\.2\.when: a second rule for software_engineering when decoy_flagged_blocking/);
  });
  it("rater guidance with a part missing", () => {
    const r = raw();
    delete r.raterGuidance.promptedVsProbed;
    expect(problems(r)).toMatch(/raterGuidance\.promptedVsProbed: /);
  });
  it("a floor that names a band the rubric doesn't have", () => {
    const r = raw();
    r.dimensions[1].floor.blocks = "hire_maybe";
    expect(problems(r)).toMatch(/lead-ml-engineer\.v2\.json: invalid rubric\ndimensions\.1\.floor\.blocks: unknown band "hire_maybe"/);
  });
  it("and the shipped file itself is valid", () => {
    expect(problems(raw())).toBe("");
  });
});
