"use client";
/**
 * A small form bound to a server action: hidden fields, whatever inputs it is given, one submit
 * button, and the outcome (errors listed by field). Submitted through a transition, so inputs keep
 * what the person typed when the action refuses it; without JavaScript it still posts as a form.
 */
import { startTransition, useActionState } from "react";
import { buttonClasses, type ButtonVariant } from "./button";
import { ReauthLink } from "./reauth-link";

export type FormResult = { ok: true } | { ok: false; code?: string; message: string; fields?: Record<string, string> };
/** Any server action made by the action client (its previous state is only ever its own result). */
export type FormAction = (prev: never, input: FormData) => Promise<FormResult>;
type Bound = (prev: FormResult | null, input: FormData) => Promise<FormResult>;

type Props = {
  action: FormAction;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Asked before submitting (destructive actions). */
  confirm?: string;
  success?: string;
  children?: React.ReactNode;
  className?: string;
  layout?: "stack" | "inline";
};

export function ActionForm({
  action,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
  confirm,
  success,
  children,
  className = "",
  layout = "stack",
}: Props) {
  const [result, dispatch, pending] = useActionState(action as Bound, null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className={`${layout === "inline" ? "flex flex-wrap items-end gap-2" : "space-y-3"} ${className}`}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" disabled={pending} className={buttonClasses(variant)}>
        {pending ? (pendingLabel ?? "Working…") : submitLabel}
      </button>
      {result && !result.ok && (
        <div
          role="alert"
          className="basis-full rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          <p className="font-medium">{result.message}</p>
          <ReauthLink code={result.code} />
          {result.fields && Object.keys(result.fields).length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(result.fields).map(([k, v]) => (
                <li key={k}>{v}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result?.ok && success && (
        <p role="status" className="basis-full text-sm text-green-800">
          {success}
        </p>
      )}
    </form>
  );
}
