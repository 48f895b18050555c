import { useEffect, useState } from "react";
import { useRevalidator } from "react-router";

/** Time left, counted from the server's clock (the browser's may be wrong). */
export function Countdown({ deadlineAt, serverNow, extraTime }: { deadlineAt: number; serverNow: number; extraTime: boolean }) {
  const revalidator = useRevalidator();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const offset = serverNow - Date.now();
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [serverNow]);
  const remaining = Math.max(0, deadlineAt - now);
  useEffect(() => {
    // At the deadline the server stops accepting changes; reload to show the final state.
    if (remaining === 0 && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [remaining === 0]);
  const minutes = Math.floor(remaining / 60_000);
  const seconds = Math.floor((remaining % 60_000) / 1000);
  const low = remaining < 5 * 60_000;
  return (
    <div className={`cr-countdown${low ? " cr-countdown-low" : ""}`} role="timer" aria-label="Time left">
      <span className="small">{extraTime ? "Time left (extra time included)" : "Time left"}</span>
      <strong>
        {minutes}:{String(seconds).padStart(2, "0")}
      </strong>
      {/* Announced once, not every second: the timer itself isn't a live region. */}
      <span className="visually-hidden" aria-live="assertive">
        {low && remaining > 0 ? "Less than five minutes left. Your work is saved as you go." : ""}
      </span>
    </div>
  );
}
