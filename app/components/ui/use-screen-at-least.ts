import { useSyncExternalStore } from "react";

/**
 * Whether the window is at least `px` wide, following resizes and rotation; null while the
 * server renders and the page hydrates, when the width is not known.
 */
export function useScreenAtLeast(px: number): boolean | null {
  const query = `(min-width: ${px}px)`;
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => null,
  );
}
