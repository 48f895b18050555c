import { useState } from "react";

/**
 * Copies `text` and says so where a screen reader hears it. Where the browser refuses the
 * clipboard (an http page, a denied permission) it says to copy by hand instead of failing quietly.
 */
export function CopyButton({ text, label, className = "btn" }: { text: string; label: string; className?: string }) {
  const [outcome, setOutcome] = useState<"copied" | "refused" | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
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
