import { sql } from "drizzle-orm";
import { db } from "#app/utils/db.server";

export function loader() {
  db().get(sql`select 1`);
  return Response.json({ ok: true });
}
