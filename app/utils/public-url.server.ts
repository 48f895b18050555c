import { env } from "./env.server";

/**
 * The absolute address of a path, for every link that leaves the app: emails, calendar files and
 * feeds, and the candidate links a hiring manager copies. Built from PUBLIC_URL, never from the
 * request: its Host header is whatever the client sent, and a forged one would put another
 * site's address in front of a private token.
 */
export function publicLink(path: `/${string}`): string {
  return `${env().publicUrl}${path}`;
}
