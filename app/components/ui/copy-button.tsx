import { useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Copies `text` and says so where a screen reader hears it. Where the browser refuses the
 * clipboard (an http page, a denied permission) it says to copy by hand instead of failing quietly.
 * Disabled until the page's script runs: before that a click could do nothing.
 */
export function CopyButton({ text, label, className = "btn" }: { text: string; label: string; className?: string }) {
  const [outcome, setOutcome] = useState<"copied" | "refused" | null>(null);
  const ready = useHydrated();
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={!ready}
        onClick={() =>
          void (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error("no clipboard"))).then(
            () => setOutcome("copied"),
            () => setOutcome("refused"),
          )
        }
      >
        {label}
      </button>
      <span className="small muted" role="status">
        {outcome === "copied" ? "Copied" : outcome === "refused" ? "Couldn't copy: select the address and copy it" : ""}
      </span>
    </>
  );
}
