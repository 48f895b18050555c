const DEFAULT_REDIRECT = "/";

/**
 * Only same-site relative paths are allowed as a post-sign-in destination, so a crafted
 * ?redirectTo= cannot send someone to another site ("//evil.test", "/\\evil.test", "https:…").
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}
