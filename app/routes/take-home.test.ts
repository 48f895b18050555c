// Integration: the take-home sent from its kit page, submitted on the candidate's link (archive or
// repository URL), graded blind against the checklist, and pre-filling the scorecard.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, candidates, exercises, interviews, loops } from "#db/schema";
import { hoursStated } from "#app/models/kit";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as kitPage from "./_app.interviews.$interviewId.kit";
import * as grading from "./_app.interviews.$interviewId.take-home";
import * as scorecard from "./_app.interviews.$interviewId.scorecard";
import * as archive from "./interviews.$interviewId.take-home.archive";
import * as candidatePage from "./take-home.$token";
import * as files from "./take-home.$token.files.$name";

const NOW = new Date("2026-03-04T09:00:00Z");
const uploads = mkdtempSync(path.join(tmpdir(), "loopwise-test-uploads-"));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  // why: uploads go to a folder of this test's own, never beside a real database.
  vi.stubEnv("UPLOADS_DIR", uploads);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200, 1)]);
function tarGz() {
  const header = Buffer.alloc(512);
  header.write("service/app.py", 0);
  header.write("ustar", 257);
  return gzipSync(Buffer.concat([header, Buffer.alloc(1024)]));
}

let n = 0;
const activeKit = () =>
  db()
    .select()
    .from(exercises)
    .where(and(eq(exercises.slug, "take-home-inference-service"), eq(exercises.active, true)))
    .get()!;

async function setup(kit?: typeof exercises.$inferSelect) {
  const { position, rubricVersionId } = makeOrganisation();
  const exercise = kit ?? activeKit();
  const hm = await makeUser("hiring_manager");
  const grader = await makeUser("interviewer");
  const other = await makeUser("interviewer");
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: `ada${++n}@example.com`, positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
  const interview = db()
    .insert(interviews)
    .values({
      loopId: loop.id,
      stage: "take_home",
      interviewerId: grader.id,
      exerciseId: exercise.id,
      scheduledAt: NOW,
      durationMinutes: 30,
    })
    .returning()
    .get();
  const args = async (userId: number, form?: Record<string, string>) =>
    routeArgs(await request(`/interviews/${interview.id}/kit`, { userId, form }), { interviewId: String(interview.id) });
  await run(async () => kitPage.action(await args(hm.id, { intent: "take-home-send", days: "7" })));
  const panel = (await run(async () => kitPage.loader(await args(hm.id)))).data!.takeHome!;
  const token = panel.sent!.link!.split("/take-home/")[1]!;
  return { hm, grader, other, interview, token };
}

async function submit(token: string, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return run(async () =>
    candidatePage.action(routeArgs(new Request(`http://localhost/take-home/${token}`, { method: "POST", body }), { token })),
  );
}
type Reply = {
  data: { fieldErrors?: Record<string, string>; message?: string; values?: Record<string, string> };
  init: { status: number };
};
const replyOf = (r: Awaited<ReturnType<typeof submit>>) => r.data as unknown as Reply;

describe("the candidate's take-home link", () => {
  it("shows the prompt with its files and a deadline fixed when it was sent", async () => {
    const { token } = await setup();
    const page = (await run(async () => candidatePage.loader(routeArgs(new Request(`http://localhost/take-home/${token}`), { token }))))
      .data!;
    expect(page).toMatchObject({
      phase: "in_progress",
      files: ["make_data.py", "sample_request.json"],
      maxMegabytes: 20,
      submission: null,
    });
    expect(page.deadlineAt!.getTime() - NOW.getTime()).toBe(7 * 24 * 3600_000);
    expect(page.promptHtml).toContain("AI-assisted coding");
    // No hidden criteria: every category of the checklist, each detailed in the prompt.
    expect(page.assessed).toEqual([
      "Running it and reading it",
      "Handling requests",
      "Tests",
      "The model artifact",
      "Operating it: readiness, logs and metrics",
      "Evaluation",
    ]);
    expect(page.promptHtml).toContain('id="prompt-what-we-assess"');
    for (const name of page.assessed) expect(page.promptHtml).toContain(`>${name}</h4>`);
    expect(page.promptHtml).not.toMatch(/\bpoints?\b/);
    const file = await files.loader(routeArgs(new Request("http://localhost/"), { token, name: "make_data.py" }));
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="make_data.py"');
    expect(await file.text()).toContain("make_classification(n_samples=50000");
    const missing = await run(async () => files.loader(routeArgs(new Request("http://localhost/"), { token, name: "../meta.json" })));
    expect(missing.response?.status).toBe(404);
    const forged = await run(async () =>
      candidatePage.loader(routeArgs(new Request("http://localhost/"), { token: token.slice(0, -2) + "xx" })),
    );
    expect(forged.response?.status).toBe(404);
  });

  it.each([
    ["an http URL", { how: "repository", repositoryUrl: "http://example.com/ada/service" }, "repositoryUrl", /https:\/\//],
    [
      "a URL with a token in it",
      { how: "repository", repositoryUrl: "https://ada:ghp_secret@example.com/ada/service" },
      "repositoryUrl",
      /tokens/,
    ],
    ["not a URL", { how: "repository", repositoryUrl: "my repo" }, "repositoryUrl", /full URL/],
    ["no file", { how: "archive" }, "archive", /Choose the archive/],
    ["text named .zip", { how: "archive", archive: new File(["hello"], "work.zip") }, "archive", /isn't one/],
    [
      "an executable named .tar.gz",
      { how: "archive", archive: new File([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])], "work.tar.gz") },
      "archive",
      /isn't one/,
    ],
    ["a zip named .tar.gz", { how: "archive", archive: new File([ZIP], "work.tar.gz") }, "archive", /isn't one/],
    [
      "an archive over 20 MB",
      { how: "archive", archive: new File([Buffer.concat([ZIP, Buffer.alloc(21 * 1024 * 1024)])], "big.zip") },
      "archive",
      /larger than 20 MB/,
    ],
  ] as [string, Record<string, string | File>, string, RegExp][])(
    "refuses %s with a message on the field, keeping what was typed",
    async (_l, fields, field, message) => {
      const { token } = await setup();
      const before = readdirSync(uploads).length;
      const reply = replyOf(await submit(token, { ...fields, notes: "Ran out of time for the load test." }));
      expect(reply.init.status).toBe(400);
      expect(reply.data.fieldErrors?.[field]).toMatch(message);
      expect(reply.data.values?.notes).toBe("Ran out of time for the load test.");
      expect(readdirSync(uploads).length).toBe(before);
    },
  );

  it("takes one archive, kept outside the web root, and refuses a second or a late one", async () => {
    const { token } = await setup();
    expect(
      (await submit(token, { how: "archive", archive: new File([tarGz()], "ada-service.tar.gz"), notes: "See README" })).response?.status,
    ).toBe(302);
    const page = (await run(async () => candidatePage.loader(routeArgs(new Request("http://localhost/"), { token })))).data!;
    expect(page.submission).toMatchObject({ fileName: "ada-service.tar.gz", repositoryUrl: null });
    expect(readdirSync(uploads).some((f) => f.endsWith(".tar.gz"))).toBe(true);
    const second = await submit(token, { how: "archive", archive: new File([ZIP], "v2.zip") });
    const again = replyOf(second);
    expect(again).toMatchObject({ init: { status: 409 }, data: { message: expect.stringMatching(/already|submitted/) } });

    const late = await setup();
    // A day past the deadline the link still opens, to say why it can't be used.
    vi.setSystemTime(new Date(NOW.getTime() + 7.5 * 24 * 3600_000));
    const refused = replyOf(await submit(late.token, { how: "repository", repositoryUrl: "https://example.com/ada/service" }));
    expect(refused).toMatchObject({ init: { status: 409 }, data: { message: expect.stringMatching(/deadline has passed/) } });
    vi.setSystemTime(new Date(NOW.getTime() + 8.5 * 24 * 3600_000));
    expect((await submit(late.token, { how: "repository", repositoryUrl: "https://example.com/ada/service" })).response?.status).toBe(404);
  });
});

/** A 20 MB multipart upload that counts how much of it the server pulls. */
function countedUpload(token: string) {
  const MB = 1024 * 1024;
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const counted = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counted.pulled >= 20 * MB) return controller.close();
        counted.pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://localhost/take-home/${token}`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "Content-Type": "multipart/form-data; boundary=----loopwise" },
  } as RequestInit);
  return { request, counted };
}

describe("an upload the take-home can no longer take", () => {
  it("is refused with 409 before a byte of its body is read, once submitted or past the deadline", async () => {
    const submitted = await setup();
    await submit(submitted.token, { how: "repository", repositoryUrl: "https://example.com/ada/service" });
    const late = await setup();
    vi.setSystemTime(new Date(NOW.getTime() + 7.5 * 24 * 3600_000));
    for (const { token } of [submitted, late]) {
      const { request, counted } = countedUpload(token);
      const result = await run(async () => candidatePage.action(routeArgs(request, { token })));
      expect(counted.pulled).toBe(0);
      const reply = replyOf(result);
      expect(reply.init.status).toBe(409);
      expect(reply.data.message).toMatch(/submitted|deadline has passed/);
    }
  });
});

describe("one time limit", () => {
  it("the kit's duration, its prompt, its guide and the candidate's page all say three hours", async () => {
    const { token } = await setup();
    const kit = activeKit();
    const content = kit.content as { prompt: string; guide: string };
    const page = (await run(async () => candidatePage.loader(routeArgs(new Request("http://localhost/"), { token })))).data!;
    expect(kit.durationMinutes).toBe(180);
    expect(page.timeBoxHours * 60).toBe(kit.durationMinutes);
    expect(hoursStated(content.prompt)).toEqual([3, 3]);
    expect(new Set(hoursStated(content.guide + kit.summary))).toEqual(new Set([3]));
    expect(page.promptHtml).toContain("<strong>3 hours</strong>");
  });
});

describe("grading the take-home", () => {
  it("is blind until saved, ticks only checklist items, is audited, and pre-fills the scorecard", async () => {
    const { grader, other, hm, interview, token } = await setup();
    await submit(token, { how: "archive", archive: new File([ZIP], "ada.zip") });
    const args = async (userId: number, form?: Record<string, string>, query = "") =>
      routeArgs(await request(`/interviews/${interview.id}/take-home${query}`, { userId, form }), { interviewId: String(interview.id) });
    const blind = (await run(async () => grading.loader(await args(grader.id)))).data!;
    expect(blind.candidateName).toMatch(/^Candidate R-\d{4}$/);
    expect(JSON.stringify(blind)).not.toContain("Ada");
    expect((await run(async () => grading.loader(await args(hm.id)))).data!.candidateName).toBe("Ada Obi");
    expect((await run(async () => grading.loader(await args(other.id)))).response?.status).toBe(403);

    const download = await archive.loader(await args(grader.id));
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="take-home-\d+\.zip"$/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(ZIP);
    expect((await run(async () => archive.loader(await args(other.id)))).response?.status).toBe(403);

    const forgedItem = new URLSearchParams([
      ["checked", "runs-from-readme"],
      ["checked", "made-up"],
    ]);
    const bad = await run(async () =>
      grading.action(
        routeArgs(
          new Request(`http://localhost/interviews/${interview.id}/take-home`, {
            method: "POST",
            headers: { Cookie: (await request("/", { userId: grader.id })).headers.get("Cookie")! },
            body: forgedItem,
          }),
          { interviewId: String(interview.id) },
        ),
      ),
    );
    expect(bad.data).toMatchObject({ data: { error: "Not on this checklist: made-up" } });
    expect((await run(async () => grading.action(await args(hm.id, { checked: "runs-from-readme" })))).data).toMatchObject({
      init: { status: 403 },
    });

    // Every meets-the-bar item of software engineering, and one extra: the bar, so 3 (4 needs the golden-score test).
    const ticks = [
      "runs-from-readme",
      "clear-modules",
      "pinned-dependencies",
      "configuration",
      "request-validation",
      "model-loaded-once",
      "meaningful-tests",
      "one-code-path",
    ];
    const body = new URLSearchParams([...ticks.map((t) => ["checked", t]), ["notes", "Solid service; evaluation gate missing."]]);
    const saved = await run(async () =>
      grading.action(
        routeArgs(
          new Request(`http://localhost/interviews/${interview.id}/take-home`, {
            method: "POST",
            headers: { Cookie: (await request("/", { userId: grader.id })).headers.get("Cookie")! },
            body,
          }),
          { interviewId: String(interview.id) },
        ),
      ),
    );
    expect(saved.response?.status).toBe(302);
    const after = (await run(async () => grading.loader(await args(grader.id, undefined, "?saved=1")))).data!;
    expect(after.candidateName).toBe("Ada Obi");
    expect(after.suggestions).toEqual([
      expect.objectContaining({ dimension: "software_engineering", level: 3, meets: { ticked: 15, total: 15 } }),
      expect.objectContaining({ dimension: "mlops_operations", level: null }),
    ]);
    expect(after.checklist?.items.find((i) => i.id === "pii-logged")?.level).toBe("red_flag");
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "take_home_grade"),
    ).toEqual([
      expect.objectContaining({ actorId: grader.id, action: "create", summary: "Graded the take-home (8 checklist items ticked)" }),
    ]);
    const card = (
      await run(async () =>
        scorecard.loader(
          routeArgs(await request(`/interviews/${interview.id}/scorecard`, { userId: grader.id }), { interviewId: String(interview.id) }),
        ),
      )
    ).data!;
    expect(card.defaults.rating).toMatchObject({ software_engineering: "3" });
    expect(card.defaults.rating.mlops_operations).toBeUndefined();
    expect(card.defaults.evidence.software_engineering).toBe(
      "Take-home (graded checklist): Suggests 3 (Meets the bar): every meets item ticked (15 of 15 meets points). Missing for 4: golden-score test. Extra credit ticked: one code path.",
    );
    expect(card.defaults.evidence.mlops_operations).toBe(
      "Take-home (graded checklist): Nothing ticked in this area, so no suggestion: you choose.",
    );

    // A regrade: the required items make SE a 4; account_email in the logs makes MLOps a 1 whatever else is there.
    const mlops = ["versioned-artifact", "readiness-tied-to-model", "structured-logs", "useful-metrics", "evaluation-gate", "uncertainty"];
    const regrade = new URLSearchParams([...ticks, "golden-score-test", ...mlops, "pii-logged"].map((t) => ["checked", t]));
    await run(async () =>
      grading.action(
        routeArgs(
          new Request(`http://localhost/interviews/${interview.id}/take-home`, {
            method: "POST",
            headers: { Cookie: (await request("/", { userId: grader.id })).headers.get("Cookie")! },
            body: regrade,
          }),
          { interviewId: String(interview.id) },
        ),
      ),
    );
    const regraded = (
      await run(async () =>
        scorecard.loader(
          routeArgs(await request(`/interviews/${interview.id}/scorecard`, { userId: grader.id }), { interviewId: String(interview.id) }),
        ),
      )
    ).data!;
    expect(regraded.defaults.rating).toMatchObject({ software_engineering: "4", mlops_operations: "1" });
    expect(regraded.defaults.evidence.mlops_operations).toBe(
      "Take-home (graded checklist): Suggests 1 (Strong concern): red flag seen (account_email logged); a red flag suggests 1 whatever else is ticked.",
    );
  });

  it("an interview on a kit version written before levels keeps it, and its ticks suggest nothing", async () => {
    makeOrganisation();
    const current = activeKit();
    const content = current.content as { checklist: { items: { id: string; dimension: string; text: string; points?: number }[] } };
    const legacy = db()
      .insert(exercises)
      .values({
        ...current,
        id: undefined,
        version: 1,
        active: false,
        contentHash: "before-levels",
        content: {
          ...content,
          checklist: {
            items: content.checklist.items.map(({ id, dimension, text, points }) => ({ id, dimension, text, points: points ?? 1 })),
          },
        },
      })
      .returning()
      .get();
    const { grader, interview, token } = await setup(legacy);
    await submit(token, { how: "repository", repositoryUrl: "https://example.com/ada/service" });
    const args = async () =>
      routeArgs(await request(`/interviews/${interview.id}/take-home`, { userId: grader.id }), { interviewId: String(interview.id) });
    const page = (await run(async () => grading.loader(await args()))).data!;
    expect(page).toMatchObject({ checklist: null, kitVersion: 1, suggestions: [] });
    expect(page.items).toHaveLength(content.checklist.items.length);
    await run(async () =>
      grading.action(
        routeArgs(
          new Request(`http://localhost/interviews/${interview.id}/take-home`, {
            method: "POST",
            headers: { Cookie: (await request("/", { userId: grader.id })).headers.get("Cookie")! },
            body: new URLSearchParams([["checked", "runs-from-readme"]]),
          }),
          { interviewId: String(interview.id) },
        ),
      ),
    );
    const card = (
      await run(async () =>
        scorecard.loader(
          routeArgs(await request(`/interviews/${interview.id}/scorecard`, { userId: grader.id }), { interviewId: String(interview.id) }),
        ),
      )
    ).data!;
    expect(card.defaults.rating.software_engineering).toBeUndefined();
    expect(card.defaults.evidence.software_engineering).toMatch(
      /1 of \d+ items ticked in this area; this kit version's checklist has no levels/,
    );
  });
});
