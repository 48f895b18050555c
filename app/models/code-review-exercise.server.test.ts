import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCodeReviewExercise } from "./code-review-exercise.server";

const SLUGS = ["fraud-scoring-endpoint", "feature-backfill-pipeline", "churn-training-eval"];

describe("the shipped code-review exercises", () => {
  it.each(SLUGS)("%s: a real pull request with at least eight planted defects of mixed severity, and decoys", (slug) => {
    const e = readCodeReviewExercise(path.resolve("exercises", slug));
    expect(e.files.length).toBeGreaterThanOrEqual(3);
    expect(e.defects.length).toBeGreaterThanOrEqual(8);
    expect(new Set(e.defects.map((d) => d.severity))).toEqual(new Set(["critical", "major", "minor"]));
    expect(new Set(e.defects.map((d) => d.category)).size).toBeGreaterThanOrEqual(6);
    expect(e.defects.some((d) => d.category === "testing")).toBe(true);
    expect(e.decoys.length).toBeGreaterThanOrEqual(3);
    const changed = e.files.reduce((n, f) => n + f.lineCount, 0);
    expect(changed).toBeGreaterThan(150);
  });
});

function copyExercise(edit: (key: { defects: Record<string, unknown>[] }) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), "cr-"));
  const target = path.join(dir, "fraud-scoring-endpoint");
  cpSync(path.resolve("exercises/fraud-scoring-endpoint"), target, { recursive: true });
  const keyFile = path.join(target, "answer-key.json");
  const key = JSON.parse(readFileSync(keyFile, "utf8"));
  edit(key);
  writeFileSync(keyFile, JSON.stringify(key));
  return target;
}

describe("a broken exercise fails loudly, naming the file", () => {
  it("a line range outside the file", () => {
    const dir = copyExercise((k) => (k.defects[0]!.lines = [900, 905]));
    expect(() => readCodeReviewExercise(dir)).toThrow(
      /fraud-scoring-endpoint\/answer-key\.json[\s\S]*defects\.0\.lines: 900-905 is outside/,
    );
  });
  it("an unknown dimension", () => {
    const dir = copyExercise((k) => (k.defects[1]!.dimension = "charisma"));
    expect(() => readCodeReviewExercise(dir)).toThrow(/answer-key\.json: invalid answer key[\s\S]*defects\.1\.dimension/);
  });
  it("a duplicate id", () => {
    const dir = copyExercise((k) => (k.defects[2]!.id = k.defects[0]!.id as string));
    expect(() => readCodeReviewExercise(dir)).toThrow(/defects\.2\.id: duplicate id/);
  });
  it("a file the pull request doesn't have", () => {
    const dir = copyExercise((k) => (k.defects[0]!.file = "nope.py"));
    expect(() => readCodeReviewExercise(dir)).toThrow(/defects\.0\.file: "nope\.py" is not a file of this pull request/);
  });
});
