/** Throws a Response with the status when the condition is false (narrowing the type). */
export function invariantResponse(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function notFound(what = "Not found"): never {
  throw new Response(what, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(why = "You do not have access to this page."): never {
  throw new Response(why, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
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
    throw new Response("Send this form as form data.", { status: 415, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
