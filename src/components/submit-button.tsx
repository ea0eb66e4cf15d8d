"use client";
/**
 * A form's submit button that says it is working while the action runs and cannot be pressed twice.
 * It stays focusable meanwhile (aria-disabled, not disabled): a disabled button loses focus to <body>.
 */
import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonVariant } from "./button";

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending || undefined}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
      className={buttonClasses(variant, `${pending ? "cursor-wait opacity-70" : ""} ${className}`)}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
