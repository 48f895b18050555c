// Every pull request's new code imports, with Python's standard library only: third-party
// packages are stubbed by scripts/import_exercise.py, so a missing module or a misspelt import in
// an exercise fails here instead of in front of a candidate.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const slugs = readdirSync("exercises", { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .filter((slug) => JSON.parse(readFileSync(path.join("exercises", slug, "meta.json"), "utf8")).kind === "code_review");

const python = spawnSync("python3", ["--version"]);
const hasPython = python.status === 0;
if (!hasPython) console.warn("python3 is not installed: skipping the import check of the code-review exercises.");

describe.skipIf(!hasPython)("each code-review exercise's after/ package imports with the standard library only", () => {
  it.each(slugs)("%s", (slug) => {
    // -S: no site-packages, so an installed numpy or fastapi can't hide a broken import.
    const run = spawnSync("python3", ["-S", "-B", "scripts/import_exercise.py", path.join("exercises", slug, "after")], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(run.stdout + run.stderr).not.toMatch(/FAIL/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok {3}/m);
  });
});
