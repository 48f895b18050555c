import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * `data-hydrated` once the page's scripts have taken over its forms: browser tests wait for it
 * before typing, so a password typed into the server's HTML is never lost to hydration.
 */
export function useHydratedMarker(): { "data-hydrated"?: "true" } {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? { "data-hydrated": "true" } : {};
}
