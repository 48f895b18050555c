// npm run bench: generates a synthetic hiring history (5,000 candidates, 25,000 scorecards,
// 175,000 ratings) into its own database, serves it with the built app, and measures the
// pipeline, compare, candidate and calibration pages (median and p95 of repeated requests) and
// the agreement computation. Prints a table; nothing here runs in the test suite.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, replaceDatabase, type Db } from "#app/utils/db.server";
import { loadExercises } from "#app/models/exercise.server";
import { loadRubrics } from "#app/models/rubric.server";
import { hashPassword } from "#app/utils/password.server";
import { computeCalibration } from "#app/models/calibration.server";

const CANDIDATES = 5000;
const STAGES = ["system_design", "debugging", "code_review", "leadership", "take_home"] as const;
const DIMENSIONS = [
  "ml_system_design",
  "software_engineering",
  "mlops_operations",
  "data_quality",
  "evaluation",
  "leadership",
  "communication",
];
const INTERVIEWERS = 40;
const PORT = 3990;
const DB_PATH = path.resolve("tests/.artifacts/bench.db");
const SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuv";
const REQUESTS = 40;

// A small deterministic generator, so every run measures the same data.
let state = 42;
const rand = () => (state = (state * 1664525 + 1013904223) % 4294967296) / 4294967296;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

async function generate(db: Db) {
  const sqlite = db.$client;
  const now = Date.now();
  const [rubric] = loadRubrics({ now: new Date(now), database: db });
  loadExercises({ now: new Date(now), database: db });
  const hash = await hashPassword("bench-password");
  const DAY = 86400_000;
  sqlite.transaction(() => {
    const user = sqlite.prepare("insert into users (email, name, title, role, password_hash, time_zone) values (?, ?, ?, ?, ?, 'UTC')");
    user.run("hm@bench.test", "Bench Hiring Manager", "Director", "hiring_manager", hash);
    const leniency: number[] = [];
    for (let i = 0; i < INTERVIEWERS; i++) {
      user.run(`interviewer${i}@bench.test`, `Interviewer ${String(i).padStart(2, "0")}`, "ML Engineer", "interviewer", hash);
      leniency.push((rand() - 0.5) * 1.2);
    }
    const position = sqlite.prepare(
      "insert into positions (key, title, team, location, rubric_version_id) values (?, ?, 'Bench', 'Remote', ?)",
    );
    position.run("bench-a", "Lead ML Engineer, Platform", rubric!.id);
    position.run("bench-b", "Lead ML Engineer, Applied", rubric!.id);
    const candidate = sqlite.prepare(
      "insert into candidates (name, email, position_id, source, notes, created_at, updated_at) values (?, ?, ?, 'sourced', '', ?, ?)",
    );
    const loop = sqlite.prepare(
      "insert into loops (candidate_id, rubric_version_id, status, created_at, updated_at, closed_at) values (?, ?, ?, ?, ?, ?)",
    );
    const interview = sqlite.prepare(
      "insert into interviews (loop_id, stage, interviewer_id, scheduled_at, duration_minutes, status, created_at, updated_at) values (?, ?, ?, ?, 60, 'completed', ?, ?)",
    );
    const scorecard = sqlite.prepare(
      "insert into scorecards (interview_id, interviewer_id, rubric_version_id, status, recommendation, takeaways, submitted_at, created_at, updated_at) values (?, ?, ?, 'submitted', ?, '', ?, ?, ?)",
    );
    const rating = sqlite.prepare("insert into ratings (scorecard_id, dimension_key, level, evidence) values (?, ?, ?, ?)");
    const decision = sqlite.prepare(
      "insert into decisions (loop_id, decision, rationale, score_at_decision, band_at_decision, decided_by_id, decided_at) values (?, ?, 'Synthetic decision.', ?, ?, 1, ?)",
    );
    for (let c = 0; c < CANDIDATES; c++) {
      const added = now - Math.floor(rand() * 700) * DAY;
      const cid = Number(candidate.run(`Candidate ${c}`, `candidate${c}@bench.test`, 1 + (c % 2), added, added).lastInsertRowid);
      const open = rand() < 0.25;
      const lid = Number(loop.run(cid, rubric!.id, open ? "open" : "closed", added, added, open ? null : added + 30 * DAY).lastInsertRowid);
      const ability = 1.5 + rand() * 2.5;
      const panel = new Set<number>();
      while (panel.size < STAGES.length) panel.add(2 + Math.floor(rand() * INTERVIEWERS));
      let total = 0;
      [...panel].forEach((interviewerId, s) => {
        const at = added + (s + 1) * DAY;
        const iid = Number(interview.run(lid, STAGES[s]!, interviewerId, at, at, at).lastInsertRowid);
        const offset = leniency[interviewerId - 2]!;
        const levels = DIMENSIONS.map(() => Math.max(1, Math.min(4, Math.round(ability + offset + (rand() - 0.5) * 1.4))));
        const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
        total += mean;
        const rec = mean >= 3.4 ? "strong_yes" : mean >= 2.7 ? "yes" : mean >= 2 ? "no" : "strong_no";
        const submitted = at + 3600_000 + Math.floor(rand() * 72) * 3600_000;
        const sid = Number(scorecard.run(iid, interviewerId, rubric!.id, rec, submitted, at, submitted).lastInsertRowid);
        DIMENSIONS.forEach((d, i) =>
          rating.run(sid, d, levels[i]!, pick(["Clear, specific example.", "Partial answer.", "Strong production instincts."])),
        );
      });
      if (!open) {
        const s = total / STAGES.length;
        decision.run(
          lid,
          s >= 3 ? "hire" : s >= 2.6 ? pick(["hire", "no_hire", "hold"]) : "no_hire",
          s,
          s >= 3 ? "Hire" : "Lean no hire",
          added + 30 * DAY,
        );
      }
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
  const count = (t: string) => (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
  return { candidates: count("candidates"), scorecards: count("scorecards"), ratings: count("ratings") };
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function time(url: string, cookie: string) {
  const samples: number[] = [];
  let first = 0;
  for (let i = 0; i < REQUESTS + 3; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    if (i === 0) first = performance.now() - t0;
    if (i >= 3) samples.push(performance.now() - t0);
  }
  return { first, median: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  if (!existsSync("build/server/index.js")) throw new Error("Run `npm run build` first (npm run bench does).");
  mkdirSync(path.dirname(DB_PATH), { recursive: true });
  for (const f of [DB_PATH, `${DB_PATH}-wal`, `${DB_PATH}-shm`]) rmSync(f, { force: true });
  process.env.SESSION_SECRET = SECRET;
  const db = openDatabase(DB_PATH);
  replaceDatabase(db);
  const t0 = performance.now();
  const sizes = await generate(db);
  console.log(
    `Generated ${sizes.candidates} candidates, ${sizes.scorecards} scorecards, ${sizes.ratings} ratings in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const a0 = performance.now();
  const calibration = computeCalibration();
  const alphaMs = performance.now() - a0;
  console.log(
    `Calibration incl. Krippendorff's alpha over all ratings (cold, in-process): ${alphaMs.toFixed(0)} ms; overall interval alpha ${calibration.agreement.overall.interval?.toFixed(3)} from ${calibration.agreement.overall.pairable} pairable values`,
  );
  db.$client.close();

  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      NODE_ENV: "production",
      DATABASE_PATH: DB_PATH,
      SESSION_SECRET: SECRET,
      COOKIE_SECURE: "false",
    },
    stdio: "ignore",
  });
  try {
    const base = `http://localhost:${PORT}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = await fetch(`${base}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "hm@bench.test", password: "bench-password" }),
      redirect: "manual",
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    if (!cookie) throw new Error("Could not sign in to the bench server");
    const pages: [string, string][] = [
      ["Pipeline (all open loops)", "/pipeline"],
      ["Compare (2,500 candidates of one position)", "/compare?position=1"],
      ["Candidate page", `/candidates/${Math.floor(CANDIDATES / 2)}`],
      ["Calibration", "/calibration"],
      ["Candidates list", "/candidates"],
    ];
    console.log(`\n${REQUESTS} sequential requests per page after 3 warm-ups, full HTML (loader + server render), one process.`);
    console.log('"first" is the cold request (empty caches; compare and calibration are cached until the data changes).\n');
    console.log("page".padEnd(46) + "first ms".padStart(10) + "median ms".padStart(10) + "p95 ms".padStart(10) + "  target p95 < 150");
    for (const [name, url] of pages) {
      const r = await time(base + url, cookie);
      console.log(
        name.padEnd(46) +
          r.first.toFixed(1).padStart(10) +
          r.median.toFixed(1).padStart(10) +
          r.p95.toFixed(1).padStart(10) +
          (r.p95 < 150 ? "  ok" : "  OVER"),
      );
    }
  } finally {
    server.kill();
  }
}

await main();
