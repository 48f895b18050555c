import { sql } from "drizzle-orm";
import { db, type Db } from "#app/utils/db.server";

/**
 * A cheap fingerprint of everything the cross-candidate views are computed from. It changes
 * whenever a candidate, loop, interview, scorecard or decision is added or edited, so results
 * cached under it are never stale.
 */
export function dataVersion(): string {
  const v = db().get<Record<string, number | null>>(sql`
    select (select count(*) from candidates) as c, (select max(updated_at) from candidates) as cu,
           (select max(updated_at) from loops) as lu, (select count(*) from interviews) as i, (select max(updated_at) from interviews) as iu,
           (select count(*) from scorecards) as s, (select max(updated_at) from scorecards) as su,
           (select count(*) from decisions) as d`);
  return JSON.stringify(v);
}

/** Memoises `compute` per database and key until the data version changes. */
export function cachedByDataVersion<T>(store: WeakMap<Db, Map<string, { version: string; value: T }>>, key: string, compute: () => T): T {
  const version = dataVersion();
  let perDb = store.get(db());
  if (!perDb) store.set(db(), (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit?.version === version) return hit.value;
  const value = compute();
  perDb.set(key, { version, value });
  return value;
}
