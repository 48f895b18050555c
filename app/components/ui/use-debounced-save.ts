import { useCallback, useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";

/**
 * Saves a form shortly after each change, through a fetcher so the page doesn't navigate. A
 * save still waiting when the page goes away (a link, a closed tab) is sent at once: with fetch,
 * since the fetcher is cancelled on unmount, and with keepalive when the tab is closing.
 */
export function useDebouncedSave<Reply>({ intent, delayMs, enabled = true }: { intent: string; delayMs: number; enabled?: boolean }) {
  const fetcher = useFetcher<Reply>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<HTMLFormElement | null>(null);
  const [dirty, setDirty] = useState(false);

  const body = useCallback(
    (form: HTMLFormElement) => {
      const data = new FormData(form);
      data.set("intent", intent);
      return data;
    },
    [intent],
  );

  /** Sends a save still waiting, at once; resolves when the server has it (or the request failed). */
  const flush = useCallback(
    (keepalive: boolean): Promise<void> => {
      const form = pending.current;
      if (!form) return Promise.resolve();
      clearTimeout(timer.current);
      pending.current = null;
      setDirty(false);
      return fetch(window.location.pathname, { method: "POST", body: body(form), keepalive, credentials: "same-origin" }).then(
        () => undefined,
        () => undefined,
      );
    },
    [body],
  );

  useEffect(() => {
    const onHide = () => void flush(true);
    // A phone switching apps or a tab put in the background may never come back: save now.
    const onVisibility = () => {
      if (document.visibilityState === "hidden") void flush(true);
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      void flush(false);
    };
  }, [flush]);

  const schedule = (form: HTMLFormElement) => {
    if (!enabled) return;
    setDirty(true);
    pending.current = form;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      pending.current = null;
      fetcher.submit(body(form), { method: "post" });
      setDirty(false);
    }, delayMs);
  };

  /** Saves at once, whether or not saving is enabled, with `fields` set over the form's (an explicit choice, such as keeping this tab's version). */
  const saveNow = (form: HTMLFormElement, fields: Record<string, string> = {}) => {
    clearTimeout(timer.current);
    pending.current = null;
    const data = body(form);
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    fetcher.submit(data, { method: "post" });
    setDirty(false);
  };

  /** Drops a waiting save, for when the form is being submitted for real. */
  const cancel = () => {
    clearTimeout(timer.current);
    pending.current = null;
    setDirty(false);
  };

  /** Whether a save is waiting to be sent (a caller leaving the page sends it first, with flush). */
  const hasPending = () => pending.current !== null;

  return { fetcher, schedule, saveNow, cancel, dirty, flush: () => flush(false), hasPending };
}
