// How long a candidate's data is kept (product.md, "Governance"): a period set per position, counted
// from when their last loop closed (or, never interviewed, from when they were added), and never
// less than a year from a hiring decision, which a US employer must keep (29 CFR 1602.14). Pure.
import { z } from "zod";

export const DECISION_FLOOR_MONTHS = 12;

export const retentionSchema = z.object({
  positionId: z.coerce.number({ error: "Choose a position" }).int().positive("Choose a position"),
  retentionMonths: z
    .number({ error: "Enter a number of months from 1 to 120" })
    .int("Use whole months")
    .min(1, "Keep data at least 1 month")
    .max(120, "Keep data at most 120 months (10 years)"),
});

export const legalHoldSchema = z.object({
  reason: z
    .string({ error: "Say why the data must be kept, e.g. the claim or request it is held for" })
    .trim()
    .min(3, "Say why the data must be kept, e.g. the claim or request it is held for")
    .max(300, "Keep the reason under 300 characters"),
});

/** `months` calendar months after `at` (UTC), on the same day or the month's last day. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export type RetentionFacts = {
  retentionMonths: number;
  addedAt: Date;
  lastClosedAt: Date | null;
  lastDecidedAt: Date | null;
  openLoop: boolean;
};

/** When the data may go, or null while a loop is open (nothing is due while they are interviewing). */
export function retentionEnds(f: RetentionFacts): Date | null {
  if (f.openLoop) return null;
  const kept = addMonths(f.lastClosedAt ?? f.addedAt, f.retentionMonths);
  if (!f.lastDecidedAt) return kept;
  const floor = addMonths(f.lastDecidedAt, DECISION_FLOOR_MONTHS);
  return floor > kept ? floor : kept;
}
