/** A plain-text error a person can read; the error boundary shows its text. */
export function plainError(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function notFound(what = "Not found"): never {
  throw plainError(what, 404);
}

export function forbidden(why = "You do not have access to this page."): never {
  throw plainError(why, 403);
}

/** Parses a route param as a positive integer id, answering 404 for anything else. */
export function idParam(value: string | undefined, what = "Not found"): number {
  const n = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(n) || n <= 0) notFound(what);
  return n;
}

/** The submitted form, or a 415 for a body that isn't form data (never a 500). */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw plainError("Send this form as form data.", 415);
  }
}
