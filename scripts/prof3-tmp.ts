import { openDatabase, replaceDatabase } from "#app/utils/db.server";
const db = openDatabase("tests/.artifacts/prof.db");
replaceDatabase(db);
const { computeCalibration } = await import("#app/models/calibration.server");
const { agreementByDimension } = await import("#app/models/agreement");
const { sql } = await import("drizzle-orm");
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const rows = db.all<any>(sql`select candidate_id as candidateId, dimension_key as dimensionKey, n1, n2, n3, n4 from agreement_units`);
  const by = new Map<number, any[]>();
  for (const r of rows) { const values = [r.n1, r.n2, r.n3, r.n4].flatMap((n: number, i: number) => Array<number>(n).fill(i + 1)); const l = by.get(r.candidateId) ?? []; l.push({ dimension: r.dimensionKey, values }); by.set(r.candidateId, l); }
  console.log("read+build", (performance.now() - t).toFixed(0));
  t = performance.now(); agreementByDimension([...by.values()], { replicates: 1 }); console.log("alpha no boot", (performance.now() - t).toFixed(0));
  t = performance.now(); agreementByDimension([...by.values()]); console.log("alpha boot", (performance.now() - t).toFixed(0));
  t = performance.now(); computeCalibration(); console.log("calibration", (performance.now() - t).toFixed(0));
}
