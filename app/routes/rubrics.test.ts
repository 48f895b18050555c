// Integration: rubric versions made in the app, as the browser calls the routes: a draft, its
// editor refusing bad input field by field, the impact preview, publishing, and what uses what.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, candidates, loops, rubricVersions, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { draftFormValues } from "#app/models/rubric-draft-schema";
import { rubricDocument } from "#app/models/rubric.server";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import { renderPage } from "#tests/render";
import * as rubrics from "./_app.rubrics._index";
import * as view from "./_app.rubrics.$versionId._index";
import * as edit from "./_app.rubrics.$versionId.edit";
import * as preview from "./_app.rubrics.$versionId.preview";
import * as file from "./rubrics.$versionId.file";
import * as scheduleLoop from "./_app.candidates.$candidateId.loop";
import * as candidatePage from "./_app.candidates.$candidateId._index";

type Reply = {
  data: { status?: string; error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> };
  init: { status: number };
};

/** The draft's form as the browser posts it: every field named the way conform names it. */
function formOf(id: number, change: (fields: Record<string, string>) => void = () => {}) {
  const values = draftFormValues(rubricDocument(id)!);
  const fields: Record<string, string> = {};
  const flatten = (value: unknown, name: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${name}[${i}]`));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, name ? `${name}.${k}` : k);
    else fields[name] = String(value);
  };
  flatten(values, "");
  change(fields);
  return fields;
}

async function draftAsHm() {
  const { position } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const { response } = await run(async () =>
    rubrics.action(routeArgs(await request("/rubrics", { userId: hm.id, form: { intent: "create-draft", key: "lead-ml-engineer" } }))),
  );
  expect(response?.status).toBe(302);
  const id = Number(/\/rubrics\/(\d+)\/edit/.exec(response!.headers.get("Location")!)![1]);
  return { hm, id, position };
}

const save = async (userId: number, id: number, form: Record<string, string>) =>
  run(async () => edit.action(routeArgs(await request(`/rubrics/${id}/edit`, { userId, form }), { versionId: String(id) })));

describe("drafting a new version", () => {
  it("is for the hiring team: an interviewer gets 403 from every rubric page and action", async () => {
    makeOrganisation();
    const ana = await makeUser("interviewer");
    for (const call of [
      async (): Promise<unknown> => rubrics.loader(routeArgs(await request("/rubrics", { userId: ana.id }))),
      async () =>
        rubrics.action(routeArgs(await request("/rubrics", { userId: ana.id, form: { intent: "create-draft", key: "lead-ml-engineer" } }))),
      async () => view.loader(routeArgs(await request("/rubrics/1", { userId: ana.id }), { versionId: "1" })),
      async () => file.loader(routeArgs(await request("/rubrics/1/file", { userId: ana.id }), { versionId: "1" })),
    ])
      expect((await run(call)).response?.status).toBe(403);
    expect(db().select().from(rubricVersions).all()).toHaveLength(1);
  });

  it.each([
    ["weights summing to 99", (f: Record<string, string>) => (f["dimensions[6].weight"] = "4"), "dimensions", /weights sum to 99, not 100/],
    ["a negative weight", (f: Record<string, string>) => (f["dimensions[1].weight"] = "-5"), "dimensions[1].weight", /at least 1/],
    ["a fractional weight", (f: Record<string, string>) => (f["dimensions[1].weight"] = "19.5"), "dimensions[1].weight", /whole number/],
    [
      "an empty weight",
      (f: Record<string, string>) => (f["dimensions[1].weight"] = ""),
      "dimensions[1].weight",
      /whole number from 1 to 100/,
    ],
    [
      "five anchors",
      (f: Record<string, string>) => (f["dimensions[2].levels[4].anchor"] = "A fifth level"),
      "dimensions[2].levels",
      /exactly four levels/,
    ],
    [
      "an empty anchor",
      (f: Record<string, string>) => (f["dimensions[2].levels[1].anchor"] = "  "),
      "dimensions[2].levels[1].anchor",
      /must not be empty/,
    ],
    [
      "duplicate signal keys",
      (f: Record<string, string>) => (f["signals[3].key"] = f["signals[0].key"]!),
      "signals[3].key",
      /duplicate signal/,
    ],
    [
      "a signal key that isn't a key",
      (f: Record<string, string>) => (f["signals[3].key"] = "Has Spaces"),
      "signals[3].key",
      /lower_snake_case/,
    ],
    [
      "unordered thresholds",
      (f: Record<string, string>) => (f["bands[1].minScore"] = "3.6"),
      "bands[1].minScore",
      /must be below Strong hire's 3.5/,
    ],
    [
      "a threshold with three decimals",
      (f: Record<string, string>) => (f["bands[0].minScore"] = "3.555"),
      "bands[0].minScore",
      /two decimals/,
    ],
    [
      "a floor ruling out the lowest band",
      (f: Record<string, string>) => ((f["dimensions[0].floor.atOrBelow"] = "2"), (f["dimensions[0].floor.blocks"] = "no_hire")),
      "dimensions[0].floor.blocks",
      /can't rule out the lowest band/,
    ],
    [
      "a floor at level 4",
      (f: Record<string, string>) => (f["dimensions[0].floor.atOrBelow"] = "4"),
      "dimensions[0].floor.atOrBelow",
      /choose level 1, 2 or 3/,
    ],
  ] as [string, (f: Record<string, string>) => unknown, string, RegExp][])(
    "refuses %s with a message on that field, keeps what was typed, and saves nothing",
    async (_label, spoil, field, message) => {
      const { hm, id } = await draftAsHm();
      const before = rubricDocument(id);
      const entries = db().select().from(auditLog).all().length;
      const form = formOf(id, spoil);
      const { data } = await save(hm.id, id, form);
      const reply = data as unknown as Reply;
      expect(reply.init.status).toBe(400);
      expect(reply.data.error?.[field]?.join(" ")).toMatch(message);
      const kept = JSON.stringify(reply.data.initialValue);
      expect(kept).toContain(JSON.stringify(form["signals[0].text"]));
      if (form["dimensions[1].weight"]) expect(kept).toContain(JSON.stringify(form["dimensions[1].weight"]));
      expect(rubricDocument(id)).toEqual(before);
      expect(db().select().from(auditLog).all()).toHaveLength(entries);
      // The page renders the reply: the error shows beside its field, the typed value stays.
      const html = renderPage(edit.default as never, {
        loaderData: (
          await run(async () => edit.loader(routeArgs(await request(`/rubrics/${id}/edit`, { userId: hm.id }), { versionId: String(id) })))
        ).data,
        actionData: reply.data,
      });
      expect(html.replaceAll("&#x27;", "'")).toMatch(message);
    },
  );

  it("renders a crafted post with extra dimensions, bands and anchors as a refusal, not a crash", async () => {
    const { hm, id } = await draftAsHm();
    const form = formOf(id, (f) => {
      f["dimensions[9].weight"] = "10";
      f["bands[7].minScore"] = "2";
      f["dimensions[0].levels[6].anchor"] = "Seventh";
    });
    const reply = (await save(hm.id, id, form)).data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    const loaderData = (
      await run(async () => edit.loader(routeArgs(await request(`/rubrics/${id}/edit`, { userId: hm.id }), { versionId: String(id) })))
    ).data;
    const html = renderPage(edit.default as never, { loaderData, actionData: reply.data });
    expect(html).toContain("needs exactly four levels");
    expect(html.match(/name="dimensions\[\d+\]\.weight"/g)).toHaveLength(7);
  });

  it("saves a valid edit, with a floor, and says so in the audit log", async () => {
    const { hm, id } = await draftAsHm();
    const ok = await save(
      hm.id,
      id,
      formOf(id, (f) => {
        f["dimensions[0].weight"] = "25";
        f["dimensions[3].weight"] = "10";
        f["dimensions[0].floor.atOrBelow"] = "2";
        f["dimensions[0].floor.blocks"] = "hire";
      }),
    );
    expect(ok.response?.headers.get("Location")).toBe(`/rubrics/${id}/edit?saved=1`);
    expect(rubricDocument(id)?.dimensions[0]).toMatchObject({ weight: 25, floor: { atOrBelow: 2, blocks: "hire" } });
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityType, "rubric_version"))
        .all()
        .map((a) => a.summary),
    ).toContain("Edited draft v2 of Lead Machine Learning Engineer");
  });

  it("won't edit a published version: the page and the action send you to its read-only view", async () => {
    const { hm } = await draftAsHm();
    const v1 = db().select().from(rubricVersions).where(eq(rubricVersions.version, 1)).get()!;
    for (const call of [
      async (): Promise<unknown> =>
        edit.loader(routeArgs(await request(`/rubrics/${v1.id}/edit`, { userId: hm.id }), { versionId: String(v1.id) })),
      async () =>
        save(
          hm.id,
          v1.id,
          formOf(v1.id, (f) => (f["dimensions[0].weight"] = "25")),
        ).then((r) => r.response),
    ]) {
      const { response } = await run(call);
      expect(response?.headers.get("Location")).toBe(`/rubrics/${v1.id}`);
    }
    expect(rubricDocument(v1.id)?.dimensions[0]?.weight).toBe(20);
  });

  it("refuses to load a file that isn't in rubrics/, saying so", async () => {
    const { hm } = await draftAsHm();
    const { data } = await run(async () =>
      rubrics.action(routeArgs(await request("/rubrics", { userId: hm.id, form: { intent: "load-file", file: "../package.json" } }))),
    );
    expect((data as unknown as { data: { error: string }; init: { status: number } }).init.status).toBe(400);
    expect((data as unknown as { data: { error: string } }).data.error).toMatch(/no rubric file called "..\/package.json"/);
  });
});

describe("previewing and publishing", () => {
  it("shows every scored candidate now and under the draft; publishing makes new loops use it while an old loop keeps its version", async () => {
    makeOrganisation();
    await seedDemoData(db(), new Date());
    const hm = db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!;
    const created = await run(async () =>
      rubrics.action(routeArgs(await request("/rubrics", { userId: hm.id, form: { intent: "create-draft", key: "lead-ml-engineer" } }))),
    );
    const id = Number(/\/rubrics\/(\d+)\//.exec(created.response!.headers.get("Location")!)![1]);
    const saved = await save(
      hm.id,
      id,
      formOf(id, (f) => {
        f["intent"] = "preview";
        f["bands[1].minScore"] = "3.3";
        f["dimensions[0].floor.atOrBelow"] = "2";
        f["dimensions[0].floor.blocks"] = "hire";
      }),
    );
    expect(saved.response?.headers.get("Location")).toBe(`/rubrics/${id}/preview`);

    const page = (
      await run(async () =>
        preview.loader(routeArgs(await request(`/rubrics/${id}/preview`, { userId: hm.id }), { versionId: String(id) })),
      )
    ).data!;
    expect(page.total).toBeGreaterThan(3);
    expect(page.bandChanges).toBeGreaterThan(0);
    expect(page.rows.slice(0, page.bandChanges).every((r) => r.bandChanged)).toBe(true);
    const html = renderPage(preview.default as never, { loaderData: page });
    expect(html).toContain(`${page.bandChanges} of ${page.total} candidates would change band`);

    // An old loop, scored on v1, before and after publishing.
    const old = db().select().from(loops).get()!;
    const oldPage = async () =>
      (
        await run(async () =>
          candidatePage.loader(
            routeArgs(await request(`/candidates/${old.candidateId}`, { userId: hm.id }), { candidateId: String(old.candidateId) }),
          ),
        )
      ).data!.recommendation!;
    const scoreBefore = (await oldPage()).score;

    const published = await run(async () =>
      preview.action(
        routeArgs(await request(`/rubrics/${id}/preview`, { userId: hm.id, form: { intent: "publish" } }), { versionId: String(id) }),
      ),
    );
    expect(published.response?.headers.get("Location")).toBe(`/rubrics/${id}`);
    expect((await oldPage()).rubric.version).toBe(1);
    expect((await oldPage()).score).toBe(scoreBefore);

    // A candidate without a loop gets one now: on v2.
    const fresh = db()
      .select()
      .from(candidates)
      .all()
      .find((c) => !db().select().from(loops).where(eq(loops.candidateId, c.id)).get())!;
    const options = (
      await run(async () =>
        scheduleLoop.loader(routeArgs(await request(`/candidates/${fresh.id}/loop`, { userId: hm.id }), { candidateId: String(fresh.id) })),
      )
    ).data!;
    expect(options.rubricVersionId).toBe(id);
    // The page that showed the draft now says it is published, and a second publish is refused.
    const again = await run(async () =>
      preview.action(
        routeArgs(await request(`/rubrics/${id}/preview`, { userId: hm.id, form: { intent: "publish" } }), { versionId: String(id) }),
      ),
    );
    expect((again.data as unknown as { init: { status: number } }).init.status).toBe(409);
    const shown = (
      await run(async () => view.loader(routeArgs(await request(`/rubrics/${id}`, { userId: hm.id }), { versionId: String(id) })))
    ).data!;
    expect(shown.version.status).toBe("published");
    expect(shown.rubric.dimensions[0]?.floor).toEqual({ atOrBelow: 2, blocks: "hire" });
  });

  it("downloads a version as a file the loader reads back", async () => {
    const { hm, id } = await draftAsHm();
    const { response } = await run(async () =>
      file.loader(routeArgs(await request(`/rubrics/${id}/file`, { userId: hm.id }), { versionId: String(id) })),
    );
    expect(response?.headers.get("Content-Disposition")).toBe('attachment; filename="lead-ml-engineer.v2.json"');
    expect(JSON.parse(await response!.text())).toEqual(rubricDocument(id));
  });
});
