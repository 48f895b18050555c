// The outcome form's schema, used by the browser (instant feedback) and the server (the rule).
// What needs the database (is this a hire, is it recorded already, is the date after the hire)
// is checked in outcome.server.ts.
import { z } from "zod";
import { EMPLOYMENT_STATES, OUTCOME_CHECKPOINTS } from "#db/schema";

const level = (what: string) =>
  z
    .number({ error: `Choose a level for ${what} from 1 to 4` })
    .int(`Choose a level for ${what} from 1 to 4`)
    .min(1, `The scale runs from 1 to 4: choose one of the four levels for ${what}`)
    .max(4, `The scale runs from 1 to 4: choose one of the four levels for ${what}`);

export const OutcomeSchema = z.object({
  checkpoint: z.enum(OUTCOME_CHECKPOINTS, { error: "Choose which outcome this is: 90 days or one year" }),
  performance: level("overall performance"),
  // Optional per dimension; a blank choice is "not rated". Conform doesn't coerce inside a
  // record, so the choice is read as a number here.
  dimensions: z
    .record(
      z.string(),
      z.preprocess(
        (v) => (v === undefined || v === "" ? undefined : typeof v === "string" ? Number(v) : v),
        level("this dimension").optional(),
      ),
    )
    .default({}),
  employment: z.enum(EMPLOYMENT_STATES, { error: "Say whether they are still employed, or how they left" }),
  reviewedOn: z
    .string({ error: "Enter the day you reviewed them" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the day as a date, like 2026-03-31")
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, "That day does not exist: check the month and day"),
  note: z.string().max(2000, "Keep the note under 2,000 characters").default(""),
});

export type OutcomeInput = z.infer<typeof OutcomeSchema>;
