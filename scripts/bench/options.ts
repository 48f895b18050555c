// The bench's flags.
import { parseArgs } from "node:util";
import { SIZES, type Size } from "./history";
import { BenchError } from "./load";

export type Options = { size: Size; runs: number; interviewers: number; sessions: number; durationS: number };

export const USAGE = `npm run bench -- [--size 1k|5k|20k] [--runs N] [--interviewers N] [--sessions N] [--duration S]
  --size          candidates in the generated history (default 5k)
  --runs          full runs on identical copies of the history; with more than one, the
                  medians are printed beside every run's figures (default 1)
  --interviewers  interviewers autosaving once a second while pages are read (default 20)
  --sessions      concurrent sessions saving once a second in the autosave and comment phases (default 100)
  --duration      seconds each load phase runs (default 20, at most 120)`;

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new BenchError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".\n\n${USAGE}`);
  return n;
}

export function parseOptions(argv: string[]): Options | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        size: { type: "string" },
        runs: { type: "string" },
        interviewers: { type: "string" },
        sessions: { type: "string" },
        duration: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new BenchError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return "help";
  const size = values.size ?? "5k";
  if (!(size in SIZES)) throw new BenchError(`--size must be one of ${Object.keys(SIZES).join(", ")}, not "${size}".\n\n${USAGE}`);
  return {
    size: size as Size,
    runs: whole("runs", values.runs, 1, 1, 9),
    interviewers: whole("interviewers", values.interviewers, 20, 1, 200),
    sessions: whole("sessions", values.sessions, 100, 1, 500),
    // Comment saves add a comment a second per session, and a review holds at most 200.
    durationS: whole("duration", values.duration, 20, 2, 120),
  };
}
