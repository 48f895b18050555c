import { Form, useSearchParams } from "react-router";

/** The identity provider's button, below the password form. */
export function ProviderSignIn({ name, action }: { name: string; action: string }) {
  const [searchParams] = useSearchParams();
  return (
    <div className="provider-sign-in">
      <p className="provider-sign-in-or" aria-hidden="true">
        or
      </p>
      {/* A whole-page post: the reply sends the browser on to the provider's own site. */}
      <Form method="post" action={action} reloadDocument>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <button type="submit" className="btn provider-sign-in-button">
          Sign in with {name}
        </button>
      </Form>
    </div>
  );
}
