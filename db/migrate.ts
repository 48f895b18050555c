import { openDatabase } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";

openDatabase(env().DATABASE_PATH).$client.close();
console.log(`Migrated ${env().DATABASE_PATH}`);
