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

// conform reads field names as paths ("stages[0].stage"). A name nested a few thousand levels
// deep overflowed the stack while the reply was built (a 500), and "x[4294967294]" made an array
// that long (two minutes of CPU for a 30-byte request). No form of ours goes past three levels,
// so such names are dropped, like any other field a form doesn't have.
const MAX_NAME_DEPTH = 8;
const MAX_NAME_INDEX = 999;

function isFieldName(name: string): boolean {
  if (name.split(/[.[]/).length > MAX_NAME_DEPTH) return false;
  for (const [, index] of name.matchAll(/\[(\d+)\]/g)) if (Number(index) > MAX_NAME_INDEX) return false;
  return true;
}

/**
 * The submitted form, less any field name no form of ours could send; a 415 for a body that
 * isn't form data (never a 500).
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw plainError("Send this form as form data.", 415);
  }
  for (const name of new Set(form.keys())) if (!isFieldName(name)) form.delete(name);
  return form;
}
