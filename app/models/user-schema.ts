import { z } from "zod";
import { ROLES } from "#db/schema";
import { isValidTimeZone } from "#app/utils/time";

const base = {
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Keep the name under 120 characters"),
  email: z
    .string({ error: "Enter an email address" })
    .trim()
    .max(254, "That email address is too long")
    .email("Enter a valid email address, like name@example.com"),
  title: z.string().trim().max(120, "Keep the job title under 120 characters").default(""),
  role: z.enum(ROLES, { error: "Choose a role" }),
  timeZone: z
    .string({ error: "Choose a time zone" })
    .max(64)
    .refine(isValidTimeZone, "Choose a time zone from the list, like Europe/London"),
  country: z
    .string()
    .max(2)
    .default("")
    .refine((c) => c === "" || Object.hasOwn(COUNTRIES, c), "Choose a country from the list, or none"),
};

// No password: an admin invites people, who choose their own (account-link.server.ts).
export const NewUserSchema = z.object(base);
export const EditUserSchema = z.object({ ...base, active: z.boolean().default(false) });

export const TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Berlin",
  "Europe/Paris",
  "Europe/Amsterdam",
  "Europe/Warsaw",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];

/**
 * Countries whose public holidays scheduling warns about (app/models/scheduling-warnings.server.ts
 * reads them from date-holidays; a test checks each is known there). "" is none.
 */
export const COUNTRIES: Record<string, string> = {
  AU: "Australia",
  BR: "Brazil",
  DE: "Germany",
  ES: "Spain",
  FR: "France",
  GB: "United Kingdom",
  IE: "Ireland",
  IN: "India",
  JP: "Japan",
  NL: "Netherlands",
  PL: "Poland",
  PT: "Portugal",
  SG: "Singapore",
  US: "United States",
};
