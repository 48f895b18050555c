// Integration: the monitor and the bias-audit report as the compliance lead uses them. Producing a
// report stores totals and audits it; its page and CSV/JSON downloads carry the stored figures and
// no person; bad queries get a message and produce nothing; no one who decides can open any of it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, biasAuditReports } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeUser, request, run, routeArgs } from "#tests/factories";
import * as monitorPage from "./_app.fairness._index";
import * as reportPage from "./_app.fairness.reports.$reportId";
import * as reportFile from "./fairness.reports.$reportId.$file";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const post = async (userId: number, form: Record<string, string>) =>
  run(async () => monitorPage.action(routeArgs(await request("/fairness", { userId, form }), {}, NOW)));
const reports = () => db().select().from(biasAuditReports).all();

describe("the bias-audit report", () => {
  it("is produced by compliance, stored with totals only, audited, and downloads as CSV and JSON", async () => {
    const h = await makeCandidateWithHistory({ name: "Ilse Vandermeer", email: "ilse@example.org" }, NOW);
    const compliance = await makeUser("compliance");
    const produced = await post(compliance.id, { position: "all", from: "2026-01-01", to: "2026-03-04", threshold: "5" });
    expect(produced.response?.status).toBe(302);
    const [report] = reports();
    expect(produced.response?.headers.get("Location")).toBe(`/fairness/reports/${report!.id}`);
    expect(report).toMatchObject({ producedById: compliance.id, periodFrom: "2026-01-01", periodTo: "2026-03-04", threshold: 5 });
    const entry = db()
      .select()
      .from(auditLog)
      .all()
      .find((a) => a.entityType === "bias_audit_report")!;
    expect(entry).toMatchObject({ actorId: compliance.id, action: "create", entityId: String(report!.id) });
    expect(entry.summary).toContain("1 applicants");

    const params = { reportId: String(report!.id) };
    const page = (
      await run(async () =>
        reportPage.loader(routeArgs(await request(`/fairness/reports/${report!.id}`, { userId: compliance.id }), params)),
      )
    ).data!;
    expect(page.report.content).toMatchObject({ position: "All positions", applicants: 1, threshold: 5 });
    const csv = await (
      await run(async () =>
        reportFile.loader(
          routeArgs(await request(`/fairness/reports/${report!.id}/bias-audit.csv`, { userId: compliance.id }), {
            ...params,
            file: "bias-audit.csv",
          }),
        ),
      )
    ).response!.text();
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      "report_id,position,period_from,period_to,measure,kind,categorisation,category,applicants,selected,rate,impact_ratio,fisher_p,mid_p,note",
    );
    expect(rows.length).toBeGreaterThan(10);
    // One candidate: every group is under five, so every row is suppressed and carries no count.
    expect(rows.every((r) => r.includes("suppressed"))).toBe(true);
    expect(csv).not.toContain("Ilse");
    expect(csv).not.toContain(h.candidate.email);
    const json = await (
      await run(async () =>
        reportFile.loader(
          routeArgs(await request(`/fairness/reports/${report!.id}/bias-audit.json`, { userId: compliance.id }), {
            ...params,
            file: "bias-audit.json",
          }),
        ),
      )
    ).response!.json();
    expect(json).toMatchObject({ dataset: "bias-audit", reportId: report!.id, periodFrom: "2026-01-01", applicants: 1 });
    expect(json.rows).toHaveLength(rows.length);
  });

  it("lists every report ever produced, a page at a time, newest first", async () => {
    const compliance = await makeUser("compliance");
    for (let i = 0; i < 23; i++) await post(compliance.id, { position: "all", from: "2026-01-01", to: "2026-03-04" });
    const page = async (query: string) =>
      (await run(async () => monitorPage.loader(routeArgs(await request(`/fairness${query}`, { userId: compliance.id }), {}, NOW)))).data!
        .reports;
    const first = await page("");
    expect(first).toMatchObject({ total: 23, page: 1 });
    expect(first.rows).toHaveLength(20);
    const second = await page("?page=2");
    expect(second.rows.map((r) => r.id)).toEqual(
      reports()
        .slice(0, 3)
        .map((r) => r.id)
        .reverse(),
    );
    // The oldest report is on the last page: none is dropped from the list as the years add up.
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(23);
  });

  it("refuses a bad period with a message and produces nothing; an empty period is a state, not an error", async () => {
    const compliance = await makeUser("compliance");
    for (const [form, message] of [
      [{ from: "2026-03-04", to: "2026-01-01" }, /start is after its end/],
      [{ from: "2026-02-30", to: "2026-03-01" }, /doesn't exist/],
      [{ from: "2026-01-01", to: "2026-03-01", threshold: "2" }, /can't go below 5/],
      [{ from: "2026-01-01", to: "2026-03-01", position: "99999" }, /no such position/i],
      [{ from: "2026-01-01", to: "2026-03-01", colour: "red" }, /Unknown setting "colour"/],
    ] as const) {
      const r = await post(compliance.id, form);
      expect((r.data as { problem: string }).problem, JSON.stringify(form)).toMatch(message);
    }
    expect(reports()).toEqual([]);
    const empty = (
      await run(async () =>
        monitorPage.loader(routeArgs(await request("/fairness?from=2020-01-01&to=2020-01-31", { userId: compliance.id }), {}, NOW)),
      )
    ).data!;
    expect(empty.problem).toBeNull();
    expect(empty.monitor!.applicants).toBe(0);
  });

  it("is closed to the hiring manager, interviewers and graders, pages and downloads alike", async () => {
    const h = await makeCandidateWithHistory({ name: "Ilse Vandermeer", email: "ilse2@example.org" }, NOW);
    const compliance = await makeUser("compliance");
    await post(compliance.id, { position: "all", from: "2026-01-01", to: "2026-03-04", threshold: "5" });
    const id = String(reports()[0]!.id);
    for (const user of [h.hm, h.designer, h.reviewer]) {
      expect((await post(user.id, { from: "2026-01-01", to: "2026-03-04" })).response?.status).toBe(403);
      const page = await run(async () =>
        reportPage.loader(routeArgs(await request(`/fairness/reports/${id}`, { userId: user.id }), { reportId: id })),
      );
      expect(page.response?.status).toBe(403);
      const file = await run(async () =>
        reportFile.loader(
          routeArgs(await request(`/fairness/reports/${id}/bias-audit.csv`, { userId: user.id }), { reportId: id, file: "bias-audit.csv" }),
        ),
      );
      expect(file.response?.status).toBe(403);
    }
    expect(reports()).toHaveLength(1);
  });
});
