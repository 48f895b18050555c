import { createContext, type RouterContextProvider } from "react-router";

/**
 * The one place the server reads the system clock. A request reads it once, in the root
 * middleware, and every loader and action of that request works from that instant: models take
 * `now` as an argument, so tests decide what time it is.
 */
export function systemNow(): Date {
  return new Date();
}

const requestTimeContext = createContext<Date>();

export function setRequestTime(context: Readonly<RouterContextProvider>, now: Date = systemNow()) {
  context.set(requestTimeContext, now);
}

/** The instant the current request is handled at. */
export function requestTime(context: Readonly<RouterContextProvider>): Date {
  return context.get(requestTimeContext);
}
