// The candidate form's schema, used by the browser (instant feedback) and the server (the rule).
import { z } from "zod";
import { CANDIDATE_SOURCES } from "#db/schema";

export const CandidateSchema = z.object({
  name: z
    .string({ error: "Enter the candidate's name" })
    .trim()
    .min(1, "Enter the candidate's name")
    .max(120, "Keep the name under 120 characters"),
  email: z
    .string({ error: "Enter the candidate's email address" })
    .trim()
    .max(254, "That email address is too long")
    .email("Enter a valid email address, like name@example.com"),
  positionId: z.number({ error: "Choose the position they are interviewing for" }).int().positive(),
  source: z.enum(CANDIDATE_SOURCES, { error: "Choose where the candidate came from" }),
  notes: z.string().max(5000, "Notes are limited to 5,000 characters").default(""),
  panelSummary: z.string().trim().max(1000, "Keep the summary for the panel under 1,000 characters").default(""),
});
