// The voluntary self-identification questions: the standard EEO categories (sex; race/ethnicity
// as EEO-1 lists them; disability; veteran status), each with "I prefer not to say", and the one
// schema the form and the action both read. Pure, so the page and its tests share it.
import { z } from "zod";
import { DISABILITY_ANSWERS, RACE_ANSWERS, SEX_ANSWERS, VETERAN_ANSWERS } from "#db/schema";

export const PREFER_NOT = "prefer_not";

export const SELF_ID_QUESTIONS = [
  {
    name: "sex",
    legend: "Sex",
    answers: SEX_ANSWERS,
    labels: { female: "Female", male: "Male", another: "I identify in another way", prefer_not: "I prefer not to say" },
  },
  {
    name: "raceEthnicity",
    legend: "Race or ethnicity",
    answers: RACE_ANSWERS,
    labels: {
      hispanic_latino: "Hispanic or Latino",
      white: "White (not Hispanic or Latino)",
      black: "Black or African American (not Hispanic or Latino)",
      asian: "Asian (not Hispanic or Latino)",
      native_hawaiian_pacific_islander: "Native Hawaiian or Other Pacific Islander (not Hispanic or Latino)",
      american_indian_alaska_native: "American Indian or Alaska Native (not Hispanic or Latino)",
      two_or_more: "Two or more races (not Hispanic or Latino)",
      prefer_not: "I prefer not to say",
    },
  },
  {
    name: "disability",
    legend: "Do you have a disability? (optional)",
    answers: DISABILITY_ANSWERS,
    labels: { yes: "Yes", no: "No", prefer_not: "I prefer not to say" },
  },
  {
    name: "veteran",
    legend: "Are you a protected veteran? (optional)",
    answers: VETERAN_ANSWERS,
    labels: { protected_veteran: "Yes, I am a protected veteran", not_veteran: "No", prefer_not: "I prefer not to say" },
  },
] as const;

export type SelfIdQuestion = (typeof SELF_ID_QUESTIONS)[number];
export type SelfIdAnswers = {
  sex: (typeof SEX_ANSWERS)[number] | null;
  raceEthnicity: (typeof RACE_ANSWERS)[number] | null;
  disability: (typeof DISABILITY_ANSWERS)[number] | null;
  veteran: (typeof VETERAN_ANSWERS)[number] | null;
};

/** Every answer's label, by question: what the monitor's rows and the candidate's export say. */
export const ANSWER_LABELS = Object.fromEntries(SELF_ID_QUESTIONS.map((q) => [q.name, q.labels])) as {
  [Q in SelfIdQuestion as Q["name"]]: Q["labels"];
};

type Field = { name: string; answers: readonly string[]; legend: string };

/**
 * Reads the form: one answer per question, from its own list, or none (a question left blank is
 * saved as blank, never as an answer the candidate didn't choose). Anything else (an answer not on
 * the list, one question answered twice, a field the form doesn't have) is refused whole.
 */
export function parseSelfIdForm(form: FormData): { ok: true; answers: SelfIdAnswers } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const known = new Set<string>(SELF_ID_QUESTIONS.map((q) => q.name));
  for (const key of new Set(form.keys()))
    if (!known.has(key) && key !== "intent") errors.form = "This form has only the questions shown; reload the page and answer again.";
  const answers: Record<string, string | null> = {};
  for (const q of SELF_ID_QUESTIONS as readonly Field[]) {
    const sent = form.getAll(q.name);
    const schema = z.enum(q.answers as [string, ...string[]], { error: `Choose one of the answers listed for “${q.legend}”` }).nullable();
    if (sent.length > 1) {
      errors[q.name] = `Choose only one answer for “${q.legend}”`;
      continue;
    }
    const value = sent[0];
    const parsed = schema.safeParse(value === undefined || value === "" ? null : value);
    if (parsed.success) answers[q.name] = parsed.data;
    else errors[q.name] = parsed.error.issues[0]!.message;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: answers as SelfIdAnswers };
}
