import { openDatabase, replaceDatabase } from "#app/utils/db.server";
import { generateHistory } from "./bench/history";
import { rmSync } from "node:fs";
const file = "tests/.artifacts/prof.db";
for (const f of [file, file + "-wal", file + "-shm"]) rmSync(f, { force: true });
process.env.SESSION_SECRET = "x".repeat(40);
const db = openDatabase(file);
replaceDatabase(db);
let t = performance.now();
await generateHistory(db, { candidates: 5000, now: new Date() });
console.log("generate", (performance.now() - t).toFixed(0));
const { rebuildAggregates } = await import("#app/models/aggregates.server");
t = performance.now(); rebuildAggregates(db); console.log("rebuild", (performance.now() - t).toFixed(0));
const { computeCalibration, getLeniencyTable } = await import("#app/models/calibration.server");
const { compareCandidates } = await import("#app/models/compare.server");
const { sql } = await import("drizzle-orm");
for (let i = 0; i < 3; i++) {
  t = performance.now(); const c = computeCalibration(); console.log("calibration", (performance.now() - t).toFixed(0), c.people.length, c.agreement.overall.candidates, c.agreement.overall.units);
  t = performance.now(); db.all(sql`select s.interviewer_id as interviewerId, (s.submitted_at - (i.scheduled_at + i.duration_minutes * 60000)) / 3600000.0 as hours from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled' where s.status = 'submitted' and s.submitted_at is not null`); console.log("  submissions", (performance.now() - t).toFixed(0));
  t = performance.now(); db.all(sql`select candidate_id, dimension_key, n1, n2, n3, n4 from agreement_units`); console.log("  units read", (performance.now() - t).toFixed(0));
  t = performance.now(); db.all(sql`select s.interviewer_id, sum(1) from decisions d join interviews i on i.loop_id = d.loop_id join scorecards s on s.interview_id = i.id group by 1`); console.log("  matches", (performance.now() - t).toFixed(0));
  for (const p of [1, 2]) { t = performance.now(); const r = compareCandidates(p); console.log("compare", p, r.length, (performance.now() - t).toFixed(0)); }
}
