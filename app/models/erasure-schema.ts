// The erasure form's one schema, for both sides of the form.
import { z } from "zod";

export const ERASURE_REASONS = { request: "At the candidate's request", retention: "Past the retention period" } as const;
export type ErasureReason = keyof typeof ERASURE_REASONS;

export const erasureSchema = z.object({
  reason: z.enum(["request", "retention"], { error: "Choose why this candidate's data is being erased" }),
  confirm: z
    .boolean({ error: "Tick the box to confirm: an erasure can't be undone" })
    .refine((v) => v, "Tick the box to confirm: an erasure can't be undone"),
});
