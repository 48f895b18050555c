// npm run bench: what users feel, against the bare limit, in one run. Generates a seeded hiring
// history (scripts/bench/history.ts), then for each run serves a fresh copy of it with the built
// app and the bare reference and measures pages, saves under load and memory (scripts/bench/*).
// `npm run bench -- --help` lists the flags. Nothing here runs in the test suite.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { rebuildAggregates } from "#app/models/aggregates.server";
import { openDatabase, replaceDatabase } from "#app/utils/db.server";
import { generateHistory, SIZES, type History } from "./bench/history";
import { BenchError } from "./bench/load";
import { parseOptions, USAGE } from "./bench/options";
import { HOW_TO_READ, medianTables, phaseTable, type Phase } from "./bench/report";
import { ARTIFACTS, removeDatabase, runOnce } from "./bench/run";

// The bench's own servers sign with this; the bench signs candidate links with it too.
const SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuv";

async function generate(candidates: number, template: string): Promise<History> {
  removeDatabase(template);
  const database = openDatabase(template);
  replaceDatabase(database);
  const t0 = performance.now();
  const history = await generateHistory(database, { candidates, now: new Date() });
  // The history is written straight into the tables, so the aggregates the app maintains on
  // every write are built once here, as after any import.
  rebuildAggregates();
  database.$client.pragma("wal_checkpoint(TRUNCATE)");
  database.$client.close();
  const c = history.counts;
  console.log(
    `History: ${c.candidates.toLocaleString("en-GB")} candidates, ${c.loops.toLocaleString("en-GB")} loops, ` +
      `${c.submitted.toLocaleString("en-GB")} submitted scorecards, ${c.ratings.toLocaleString("en-GB")} ratings, ` +
      `${c.decisions.toLocaleString("en-GB")} decisions; in progress: ${c.drafts} drafts, ${c.owed} owed scorecards, ` +
      `${c.runningReviews} code reviews. Generated in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );
  return history;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options === "help") return console.log(USAGE);
  if (!existsSync("build/server/index.js")) throw new BenchError("No build: run `npm run build` first (`npm run bench` does).");
  process.env.SESSION_SECRET = SECRET;
  mkdirSync(ARTIFACTS, { recursive: true });
  console.log(`${HOW_TO_READ}\n`);
  const template = path.join(ARTIFACTS, `bench-${options.size}.db`);
  const history = await generate(SIZES[options.size], template);

  const runs: Phase[][] = [];
  for (let n = 1; n <= options.runs; n++) {
    console.log(`\n=== Run ${n} of ${options.runs} · ${options.size} candidates ===\n`);
    const phases = await runOnce({ options, history, template, secret: SECRET });
    console.log(phases.map(phaseTable).join("\n\n"));
    runs.push(phases);
  }
  if (runs.length > 1) console.log(`\n=== Median of ${runs.length} runs · ${options.size} candidates ===\n\n${medianTables(runs)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `\nBench stopped: ${error.message}` : error);
    process.exit(1);
  },
);
