// The account forms' schemas, one each, shared by the page (conform) and its action.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "./account-rules";

type Person = { email: string; name: string };

const typedPassword = (missing: string) => z.string({ error: missing }).max(MAX_PASSWORD_LENGTH, "That password is too long");

/** A new password and its confirmation, judged for this person (passwordProblem). */
function newPasswordFields(person: Person) {
  return {
    newPassword: typedPassword("Choose a new password").superRefine((value, ctx) => {
      const problem = passwordProblem(value, person);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    confirmPassword: typedPassword("Type the new password again"),
  };
}

const confirmed = (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword;
const MISMATCH = { message: "The two passwords don't match; type the same one in both", path: ["confirmPassword"] };

/** Setting the first password from an invitation, or a new one from a reset link. */
export function setPasswordSchema(person: Person) {
  return z.object(newPasswordFields(person)).refine(confirmed, MISMATCH);
}

/** A signed-in person changing their own password. */
export function changePasswordSchema(person: Person) {
  return z
    .object({ currentPassword: typedPassword("Enter your current password"), ...newPasswordFields(person) })
    .refine(confirmed, MISMATCH)
    .refine((v) => v.newPassword !== v.currentPassword, {
      message: "Choose a password different from your current one",
      path: ["newPassword"],
    });
}

export const ForgotPasswordSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "That email address is too long")
    .email("Enter a valid email address, like name@example.com"),
});
