import { useNavigation } from "react-router";
import type { ButtonHTMLAttributes } from "react";

/** A submit button that says it is working while its form is being sent. */
export function SubmitButton({
  children,
  pendingText,
  className = "btn btn-primary",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string }) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" && (rest.value === undefined || navigation.formData?.get(rest.name ?? "intent") === rest.value);
  return (
    <button type="submit" className={className} aria-disabled={pending || undefined} {...rest}>
      {pending ? (pendingText ?? "Saving…") : children}
    </button>
  );
}
