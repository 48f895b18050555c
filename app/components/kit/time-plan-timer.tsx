import { useEffect, useState } from "react";
import type { TimePhase } from "#app/models/kit";
import { phaseAt } from "#app/models/time-plan";

const mmss = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * The time plan, with an optional timer run by the browser (the interview's own clock; nothing is
 * saved). It survives a reload of the tab, so opening the scorecard and coming back keeps it.
 */
export function TimePlanTimer({ plan, storageKey, title }: { plan: TimePhase[]; storageKey: string; title: string }) {
  // The tab's storage holds the start, so the timer survives a reload; the page only reads it.
  const [{ startedAt, now }, setClock] = useState<{ startedAt: number | null; now: number }>({ startedAt: null, now: 0 });
  useEffect(() => {
    const tick = () => {
      const saved = Number(sessionStorage.getItem(storageKey));
      setClock({ startedAt: saved > 0 ? saved : null, now: Date.now() });
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [storageKey]);
  const start = () => {
    const at = Date.now();
    sessionStorage.setItem(storageKey, String(at));
    setClock({ startedAt: at, now: at });
  };
  const reset = () => {
    sessionStorage.removeItem(storageKey);
    setClock({ startedAt: null, now: Date.now() });
  };
  const total = plan.reduce((sum, p) => sum + p.minutes, 0);
  const elapsed = startedAt === null ? 0 : Math.max(0, now - startedAt);
  const at = startedAt === null ? null : phaseAt(plan, elapsed);
  const starts = plan.map((_, i) => plan.slice(0, i).reduce((sum, p) => sum + p.minutes, 0));
  return (
    <section className="card kit-timer" id="time-plan" aria-labelledby="time-plan-title">
      <div className="row-between">
        <h2 id="time-plan-title">
          {title} ({total} minutes)
        </h2>
        <div className="row no-print">
          {startedAt === null ? (
            <button type="button" className="btn btn-primary btn-small" onClick={start}>
              Start the timer
            </button>
          ) : (
            <>
              <span role="timer" aria-label="Time into the interview" className={`kit-clock${at?.over ? " kit-clock-over" : ""}`}>
                {mmss(elapsed)}
              </span>
              <button type="button" className="btn btn-small" onClick={reset}>
                Reset
              </button>
            </>
          )}
        </div>
      </div>
      {at ? (
        <p className="small" aria-live="polite">
          {at.over
            ? `Over time by ${mmss(elapsed - total * 60_000)}: wrap up.`
            : `Now: ${plan[at.index]!.phase}, ${mmss(at.endMs - elapsed)} left in this phase.`}
        </p>
      ) : (
        <p className="small muted no-print">The timer is optional and runs in this browser only.</p>
      )}
      <table className="table kit-plan">
        <caption className="visually-hidden">Time plan</caption>
        <thead>
          <tr>
            <th scope="col">Minutes</th>
            <th scope="col">Phase</th>
            <th scope="col">What you are doing</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((p, i) => (
            <tr
              key={p.phase}
              className={at?.index === i && !at.over ? "kit-plan-now" : undefined}
              aria-current={at?.index === i && !at.over ? "step" : undefined}
            >
              <td className="nowrap">
                {starts[i]}–{starts[i]! + p.minutes}
              </td>
              <td>{p.phase}</td>
              <td>{p.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
