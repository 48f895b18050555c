import { describe, expect, it } from "vitest";
import type { Role } from "#db/schema";
import { can, destinationAfterSignIn, homeFor, NAVIGATION, pagePermission, settingsFor, SIGN_IN_PAGES } from "./permissions";

describe("one permission table", () => {
  it("the navigation shows each role exactly the pages it may open", () => {
    const nav = (role: Role) => NAVIGATION.filter((n) => can({ role }, n.permission)).map((n) => n.label);
    expect(nav("interviewer")).toEqual(["My interviews"]);
    const team = ["My interviews", "Candidates", "Pipeline", "Compare", "Calibration", "Validity", "Exercises"];
    expect(nav("hiring_manager")).toEqual(team);
    // Admins open Fairness under Settings, so their navigation stays one line on a laptop.
    expect(nav("admin")).toEqual(team);
    // Compliance reads fairness totals and nothing about any one candidate.
    expect(nav("compliance")).toEqual(["Fairness"]);
  });

  it("only admins and compliance may read fairness totals; nobody who decides on a candidate", () => {
    expect(["admin", "hiring_manager", "interviewer", "compliance"].filter((role) => can({ role: role as Role }, "fairness:read"))).toEqual(
      ["admin", "compliance"],
    );
    expect(pagePermission("/fairness")).toBe("fairness:read");
    expect(pagePermission("/fairness/report")).toBe("fairness:read");
    for (const p of [
      "loops:manage",
      "interviews:own",
      "certification:own",
      "audit:read",
      "candidate-data:manage",
      "settings:read",
      "validity:manage",
    ] as const)
      expect(can({ role: "compliance" }, p)).toBe(false);
  });

  it("the settings page lists each role exactly the settings pages it may open, and only roles with one may open it", () => {
    const settings = (role: Role) => settingsFor({ role }).map((s) => s.label);
    expect(settings("interviewer")).toEqual([]);
    expect(settings("hiring_manager")).toEqual(["Rubric", "Certification", "Audit log"]);
    expect(settings("admin")).toEqual(["Rubric", "Users", "Retention", "Outbox", "Certification", "Fairness", "Audit log"]);
    expect(settings("compliance")).toEqual([]);
    for (const role of ["interviewer", "hiring_manager", "admin", "compliance"] as const) {
      expect(can({ role }, "settings:read")).toBe(settings(role).length > 0);
    }
    expect(pagePermission("/settings")).toBe("settings:read");
  });

  it("outcomes of hires and the validity page are the hiring team's; interviewers and compliance see nothing of them", () => {
    expect((["admin", "hiring_manager", "interviewer", "compliance"] as const).filter((role) => can({ role }, "validity:manage"))).toEqual([
      "admin",
      "hiring_manager",
    ]);
  });

  it("everyone rates gold samples, on their own page", () => {
    expect(pagePermission("/certification/sd-fraud-canary-prompted")).toBe("certification:own");
    expect(can({ role: "interviewer" }, "certification:own")).toBe(true);
  });

  it("whoever may grade a code review today may certify on the pre-graded ones; nobody else", () => {
    expect(pagePermission("/certification/grading/cr-fraud-many-nits")).toBe("certification:grading");
    const roles = ["admin", "hiring_manager", "interviewer", "compliance"] as const;
    expect(roles.filter((role) => can({ role }, "certification:grading"))).toEqual(roles.filter((role) => can({ role }, "interviews:own")));
    expect(can({ role: "compliance" }, "certification:grading")).toBe(false);
  });

  it("pages are matched by their path, most specific rule first", () => {
    expect(pagePermission("/pipeline")).toBe("pipeline:read");
    expect(pagePermission("/candidates/12/edit")).toBe("loops:manage");
    expect(pagePermission("/candidates/12/debrief")).toBe("interviews:own");
    // A candidate's data on request is the admin's, though the hiring team opens the candidate.
    expect(pagePermission("/candidates/12/erase")).toBe("candidate-data:manage");
    expect(pagePermission("/candidates/12/subject-access")).toBe("candidate-data:manage");
    expect(pagePermission("/admin/retention")).toBe("candidate-data:manage");
    expect(pagePermission("/rubrics/3/preview")).toBe("rubrics:manage");
    expect(pagePermission("/admin/users/3")).toBe("users:manage");
    expect(pagePermission("/admin/outbox")).toBe("outbox:read");
    // A prefix of a word is not the page: /auditions is not /audit.
    expect(pagePermission("/auditions")).toBeNull();
    expect(pagePermission("/interviews/4/scorecard")).toBe("interviews:own");
    expect(pagePermission("/interviews/4/kit")).toBe("interviews:own");
    expect(pagePermission("/exercises/7")).toBe("exercises:read");
    expect(pagePermission("/validity")).toBe("validity:manage");
    expect(pagePermission("/validity/outcomes/12")).toBe("validity:manage");
  });

  it.each([
    ["/pipeline", "interviewer", "/interviews"],
    ["/compare?position=1", "interviewer", "/interviews"],
    ["/calibration", "interviewer", "/interviews"],
    ["/candidates/3", "interviewer", "/interviews"],
    ["/candidates/3/debrief", "interviewer", "/candidates/3/debrief"],
    ["/interviews/4?x=1", "interviewer", "/interviews/4?x=1"],
    ["/admin/users", "hiring_manager", "/candidates"],
    ["/exercises", "interviewer", "/interviews"],
    ["/validity/outcomes/3", "interviewer", "/interviews"],
    ["/validity", "compliance", "/fairness"],
    ["/validity/outcomes/3", "hiring_manager", "/validity/outcomes/3"],
    ["/candidates/3", "hiring_manager", "/candidates/3"],
    ["/admin/users/2", "admin", "/admin/users/2"],
    ["/candidates/3/erase", "hiring_manager", "/candidates"],
    ["/rubrics", "interviewer", "/interviews"],
    ["/fairness", "hiring_manager", "/candidates"],
    ["/fairness?position=1", "compliance", "/fairness?position=1"],
    ["/candidates/3", "compliance", "/fairness"],
  ] as [string, Role, string][])("after sign-in, %s for a %s leads to %s", (target, role, expected) => {
    expect(destinationAfterSignIn(target, role)).toBe(expected);
  });

  it("the pages of signing in need no permission, and a sign-in never leads back to one of them", () => {
    for (const path of Object.values(SIGN_IN_PAGES)) expect(pagePermission(path)).toBeNull();
    expect(destinationAfterSignIn("/auth/oidc/callback?code=abc&state=def", "admin")).toBe("/candidates");
    expect(destinationAfterSignIn("/auth/oidc/start", "interviewer")).toBe("/interviews");
    expect(destinationAfterSignIn("/login/", "compliance")).toBe("/fairness");
    // Only those pages: a path that merely begins like one is judged as any other.
    expect(destinationAfterSignIn("/auth/oidc/callbacks", "admin")).toBe("/auth/oidc/callbacks");
  });

  it("each role's home page is one it may open", () => {
    for (const role of ["interviewer", "hiring_manager", "admin", "compliance"] as Role[]) {
      const permission = pagePermission(homeFor(role));
      expect(permission && can({ role }, permission)).toBe(true);
    }
  });
});

describe("one's own account", () => {
  it("every role opens its Account page; it is in nobody's navigation or settings (the top bar links it)", () => {
    for (const role of ["interviewer", "hiring_manager", "admin", "compliance"] as const) {
      expect(can({ role }, "account:own")).toBe(true);
      expect(destinationAfterSignIn("/account", role)).toBe("/account");
    }
    expect(pagePermission("/account")).toBe("account:own");
    // The emailed links and the forgot page are for people who can't sign in: no permission.
    for (const path of ["/invite/abc", "/reset/abc", "/forgot"]) expect(pagePermission(path)).toBeNull();
  });
});
