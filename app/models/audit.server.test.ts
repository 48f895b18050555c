import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "#db/schema";
import { db } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";

describe("audit log", () => {
  it("is append-only: rows can be neither deleted nor rewritten", () => {
    recordAudit(db(), {
      actor: { id: null, name: "test" },
      at: new Date(),
      action: "create",
      entityType: "candidate",
      entityId: 1,
      after: { name: "A" },
    });
    expect(() => db().delete(auditLog).run()).toThrow(/append-only/);
    expect(() => db().update(auditLog).set({ action: "delete" }).run()).toThrow(/append-only/);
    expect(() =>
      db()
        .update(auditLog)
        .set({ after: { name: "B" } })
        .run(),
    ).toThrow(/append-only/);
    expect(db().select().from(auditLog).get()?.after).toEqual({ name: "A" });
  });

  it("allows exactly one kind of update: an erasure redacting before/after", () => {
    recordAudit(db(), {
      actor: { id: null, name: "test" },
      at: new Date(),
      action: "update",
      entityType: "candidate",
      entityId: 1,
      before: { email: "a@x" },
      after: { email: "b@x" },
    });
    const row = db().select().from(auditLog).get()!;
    db().update(auditLog).set({ redacted: true, before: null, after: null }).where(eq(auditLog.id, row.id)).run();
    expect(db().select().from(auditLog).get()).toMatchObject({ redacted: true, before: null, after: null, action: "update" });
  });

  it("records only the fields that changed", () => {
    expect(changedFields({ a: 1, b: "x", c: true }, { a: 1, b: "y", c: true })).toEqual({
      before: { b: "x" },
      after: { b: "y" },
      changed: true,
    });
    expect(changedFields({ a: 1 }, { a: 1 }).changed).toBe(false);
  });
});
