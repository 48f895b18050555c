/** The requested page (1-based); anything odd in the URL means page 1. */
export function pageFrom(url: URL): number {
  const n = Number(url.searchParams.get("page"));
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
