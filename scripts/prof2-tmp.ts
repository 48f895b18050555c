import { openDatabase, replaceDatabase } from "#app/utils/db.server";
const db = openDatabase("tests/.artifacts/prof.db");
replaceDatabase(db);
const { sql } = await import("drizzle-orm");
const { loopRecommendations } = await import("#app/models/compare.server");
const latest = sql`(select max(l.id) from loops l join candidates c on c.id = l.candidate_id where c.position_id = 1 and c.erased_at is null group by l.candidate_id)`;
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const g = db.all(sql`select loop_id as loopId, interviewer_id as interviewerId, dimension_key as dimensionKey, sum, count, min, max from panel_rating_groups where loop_id in ${latest}`); console.log("groups", g.length, (performance.now() - t).toFixed(0));
  t = performance.now(); const st = db.$client.prepare("select loop_id, interviewer_id, dimension_key, sum, count, min, max from panel_rating_groups where loop_id in (select max(l.id) from loops l join candidates c on c.id = l.candidate_id where c.position_id = 1 and c.erased_at is null group by l.candidate_id)").raw(); const r = st.all(); console.log("groups raw", r.length, (performance.now() - t).toFixed(0));
  t = performance.now(); const m = loopRecommendations(latest); console.log("loopRecommendations", m.size, (performance.now() - t).toFixed(0));
}
