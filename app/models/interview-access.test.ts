import { describe, expect, it } from "vitest";
import { interviewRefusal, isOnPanel, mayInterview, type InterviewAccess } from "./interview-access";

const interview = { interviewerId: 7 };
const own = { id: 7, role: "interviewer" as const };
const colleague = { id: 8, role: "interviewer" as const };
const hm = { id: 9, role: "hiring_manager" as const };
const admin = { id: 10, role: "admin" as const };

describe("who may read, write or grade an interview", () => {
  // The whole table: one row per asker, one column per access.
  const table: [string, typeof own | typeof hm | typeof admin, Record<InterviewAccess, boolean>][] = [
    ["its own interviewer", own, { read: true, write: true, grade: true }],
    ["another interviewer", colleague, { read: false, write: false, grade: false }],
    ["a hiring manager", hm, { read: true, write: false, grade: false }],
    ["an admin", admin, { read: true, write: false, grade: false }],
  ];
  for (const [who, user, allowed] of table)
    it(`${who}: ${JSON.stringify(allowed)}`, () => {
      for (const access of ["read", "write", "grade"] as const) {
        expect(interviewRefusal(user, interview, access) === null, `${who} ${access}`).toBe(allowed[access]);
        // What a page offers (grade, drive, fill in) follows the same rule as the guard.
        expect(mayInterview(user, interview, access), `${who} may ${access}`).toBe(allowed[access]);
      }
    });

  it("a refusal says why", () => {
    expect(interviewRefusal(colleague, interview, "read")).toBe("This interview belongs to another interviewer.");
    expect(interviewRefusal(hm, interview, "write")).toMatch(/Only the interviewer who ran this interview/);
  });
});

describe("who is on a loop's panel", () => {
  it("an interviewer with an interview on the loop, unless it was cancelled", () => {
    expect(isOnPanel(own, [{ interviewerId: 7, status: "scheduled" }])).toBe(true);
    expect(isOnPanel(own, [{ interviewerId: 7, status: "cancelled" }])).toBe(false);
    expect(isOnPanel(colleague, [{ interviewerId: 7, status: "scheduled" }])).toBe(false);
    expect(isOnPanel(own, [])).toBe(false);
  });
});
