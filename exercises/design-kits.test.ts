// The system-design kits fix their deep dives: the same two probes for every candidate, so an answer
// to one counts as unprompted (rubric v2's "prompted vs probed") and panels stay comparable.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readExerciseFolder } from "#app/models/exercise.server";

const KITS = ["system-design-fraud-scoring", "system-design-feed-ranking"];
const read = (slug: string, file: string) => readFileSync(path.resolve("exercises", slug, file), "utf8");

/** The numbered list right after "The two deep-dive probes", up to the next blank-line paragraph that isn't a list item. */
function deepDives(guide: string) {
  const probes = guide.slice(guide.indexOf("## Probes and follow-ups"), guide.indexOf("## What each level sounds like"));
  const start = probes.indexOf("**The two deep-dive probes.**");
  if (start === -1) return [];
  const after = probes.slice(start).split("\n\n").slice(1);
  const list = after[0] ?? "";
  return list.split("\n").filter((line) => /^\d+\. "/.test(line));
}

describe.each(KITS)("%s", (slug) => {
  it("names exactly two deep-dive probes, each with what to listen for", () => {
    const probes = deepDives(read(slug, "guide.md"));
    expect(probes).toHaveLength(2);
    for (const p of probes) expect(p).toMatch(/\?" Listen for .{40,}/);
  });

  it("says the time plan's deep dives are those two, and tells the candidate there will be two", () => {
    const { meta } = readExerciseFolder(path.resolve("exercises", slug));
    expect(meta.version).toBe(3);
    expect(meta.timePlan.find((p) => p.phase === "Deep dives")?.note).toBe("The guide's two deep-dive probes, in order, for every candidate.");
    expect(read(slug, "prompt.md")).toContain("20 minutes: two deep-dive questions from the interviewer.");
  });

  it("reads a partly shown level and a prompted answer as the rubric does", () => {
    const guide = read(slug, "guide.md");
    expect(guide).not.toContain("One gap you had to prompt for keeps it at 3");
    expect(guide).toContain("the rubric's partial-meets rule: one level below");
    expect(guide).toContain("answers to the probes above count as unprompted");
  });

  it("assumes no feature store, as its fact sheet says there is none", () => {
    expect(read(slug, "fact-sheet.md")).toMatch(/no feature store|Feature store\*\*: there is none/i);
    const text = read(slug, "guide.md") + read(slug, "prompt.md");
    // The only mentions left are the question whether one exists and the warning not to score the word.
    expect(text.match(/feature store/gi) ?? []).toHaveLength(1);
  });
});
