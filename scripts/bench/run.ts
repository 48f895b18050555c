// One run of the bench: a fresh copy of the generated history, the app started the way
// `npm start` starts it, the bare reference beside it, every phase in turn, both servers stopped.
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { HIRING_MANAGER_EMAIL, type History } from "./history";
import type { Options } from "./options";
import { signIn } from "./people";
import { concurrentReaders, coldCalibration, firstAfterSubmit, warmPages, type RunContext } from "./phases-pages";
import { reviewPageSize } from "./editor-size";
import { memory, pagesWhileAutosaving, savesAtScale } from "./phases-load";
import type { Phase } from "./report";
import { freePort, startServer, stopServer } from "./servers";

export const ARTIFACTS = path.resolve("tests/.artifacts");

export function removeDatabase(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

export async function runOnce(o: { options: Options; history: History; template: string; secret: string }): Promise<Phase[]> {
  const { options, history } = o;
  const database = path.join(ARTIFACTS, "bench-run.db");
  removeDatabase(database);
  copyFileSync(o.template, database);
  const env = { DATABASE_PATH: database, SESSION_SECRET: o.secret, NODE_ENV: "production", COOKIE_SECURE: "false" };
  const app = await startServer({
    name: "app (npm start)",
    command: "npm",
    args: ["start", "--silent"],
    port: await freePort(),
    env,
    logFile: path.join(ARTIFACTS, "bench-app.log"),
  });
  try {
    const bare = await startServer({
      name: "bare reference",
      command: path.resolve("node_modules/.bin/tsx"),
      args: ["scripts/bench/bare-server.ts"],
      port: await freePort(),
      env,
      logFile: path.join(ARTIFACTS, "bench-bare.log"),
    });
    try {
      const ctx: RunContext = { app, bare, history, options, hm: await signIn(app.url, HIRING_MANAGER_EMAIL) };
      const step = async <T>(what: string, measure: () => Promise<T>) => {
        process.stdout.write(`  ${what}…\n`);
        return measure();
      };
      const cold = await step("calibration, cold", () => coldCalibration(ctx));
      const warm = await step("pages, warm", () => warmPages(ctx));
      const afterSubmit = await step("pages, first after a submit", () => firstAfterSubmit(ctx));
      const readers = await step("candidate page, 16 readers", () => concurrentReaders(ctx));
      const whileTyping = await step(`pages while ${options.interviewers} interviewers autosave`, () => pagesWhileAutosaving(ctx));
      const atScale = await step(`autosave and comment saves, ${options.sessions} sessions`, () => savesAtScale(ctx));
      return [
        {
          title: "(a) Pages on a quiet server: cold, warm (30 requests one at a time), first request after a submit",
          figures: [cold, ...warm, ...afterSubmit],
        },
        { title: "(d) Candidate page, 16 readers at once, app and bare in alternate windows", figures: readers },
        { title: `(b) Pages read back to back while ${options.interviewers} interviewers autosave once a second`, figures: whileTyping },
        { title: `(c) Saves from ${options.sessions} concurrent sessions, one a second each, on a fixed timetable`, figures: atScale },
        { title: "Memory", figures: [memory(ctx)] },
        {
          title: "(e) What the review page downloads, from the build: JS and CSS, gzipped (zlib's default level; 1 kB = 1,000 bytes)",
          figures: reviewPageSize(),
        },
      ];
    } finally {
      await stopServer(bare);
    }
  } finally {
    await stopServer(app);
  }
}
