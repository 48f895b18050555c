import type { ReactNode } from "react";

/** The card the signed-out pages share: sign-in, forgot, and the links that set a password. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} /> Loopwise
        </div>
        {children}
      </div>
    </main>
  );
}
