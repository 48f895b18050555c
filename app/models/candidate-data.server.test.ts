// Where a candidate's data lives: every entity type the app writes to the audit log is accounted
// for, either as one of a candidate's records (erased and exported with them) or as never one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDITED, NOT_ABOUT_A_CANDIDATE } from "./candidate-data.server";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("the audited entity types", () => {
  it("are each either a candidate's record or listed as never one, and no listed type is stale", () => {
    const written = new Set<string>();
    const unreadable: string[] = [];
    let calls = 0;
    let read = 0;
    for (const file of [...sources("app"), ...sources("db"), ...sources("server")]) {
      const text = readFileSync(file, "utf8");
      calls += [...text.matchAll(/(?<!function )recordAudit\(/g)].length;
      for (const call of text.matchAll(/(?<!function )recordAudit\((?:[^()]|\([^()]*\))*?entityType: ([^,\n]+)/g)) {
        read += 1;
        const literal = /^"([a-z_]+)"$/.exec(call[1]!.trim());
        if (literal) written.add(literal[1]!);
        else unreadable.push(`${file}: ${call[1]}`);
      }
    }
    // Every call was read (a call whose entity type this scan missed would go unchecked)...
    expect(read).toBe(calls);
    expect(calls).toBeGreaterThan(30);
    // ...and a type computed at run time could be anything: the list would no longer be checkable.
    expect(unreadable).toEqual([]);
    const accounted = [...AUDITED.map(([type]) => type), ...NOT_ABOUT_A_CANDIDATE];
    expect([...written].sort()).toEqual([...new Set(accounted)].sort());
    expect(written).toContain("take_home_grade");
  });
});
