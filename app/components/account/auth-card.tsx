import type { ReactNode } from "react";
import { useHydratedMarker } from "./hydrated";

/** The card the signed-out pages share: sign-in, forgot, and the links that set a password. */
export function AuthCard({ children }: { children: ReactNode }) {
  const marker = useHydratedMarker();
  return (
    <main className="auth-page" {...marker}>
      <div className="card auth-card">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} /> Loopwise
        </div>
        {children}
      </div>
    </main>
  );
}
