"use client";
/**
 * A domain action form that shows the service's answer in words (the registry's result), an auth code
 * when one is revealed, or follows a checkout link. Inputs keep what was typed when the action refuses.
 */
import { startTransition, useActionState, useRef } from "react";
import { buttonClasses, type ButtonVariant } from "@/components/button";

type Data = { message?: string; authCode?: string; redirect?: string; ok?: boolean };
type Result = { ok: true; data: Data } | { ok: false; message: string; fields?: Record<string, string> };
export type ResultAction = (prev: never, input: FormData) => Promise<Result>;
type Bound = (prev: Result | null, input: FormData) => Promise<Result>;

export function ResultForm({
  action,
  hidden = {},
  submitLabel,
  variant = "primary",
  confirm,
  children,
  inline = false,
  idempotent = false,
}: {
  action: ResultAction;
  hidden?: Record<string, string>;
  submitLabel: string;
  variant?: ButtonVariant;
  confirm?: string;
  children?: React.ReactNode;
  inline?: boolean;
  /** Adds a fresh idempotency key per page view, so a double click places one order. */
  idempotent?: boolean;
}) {
  const key = useRef<string | null>(null);
  const [result, dispatch, pending] = useActionState(async (prev: Result | null, data: FormData) => {
    const r = await (action as Bound)(prev, data);
    if (r.ok && r.data.redirect) window.location.assign(r.data.redirect);
    return r;
  }, null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const data = new FormData(e.currentTarget);
    if (idempotent) data.set("idempotencyKey", (key.current ??= crypto.randomUUID()));
    startTransition(() => dispatch(data));
  };
  return (
    <form onSubmit={onSubmit} className={inline ? "flex flex-wrap items-end gap-2" : "space-y-3"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" disabled={pending} className={buttonClasses(variant)}>
        {pending ? "Working…" : submitLabel}
      </button>
      <div aria-live="polite" className="basis-full">
        {result && !result.ok && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-medium">{result.message}</p>
            {result.fields && (
              <ul className="mt-1 list-disc pl-5">
                {Object.entries(result.fields).map(([k, v]) => (
                  <li key={k}>{v}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {result?.ok && result.data.message && (
          <p
            role="status"
            className={`rounded-md border px-3 py-2 text-sm ${result.data.ok === false ? "border-amber-300 bg-amber-50 text-amber-900" : "border-green-300 bg-green-50 text-green-900"}`}
          >
            {result.data.message}
          </p>
        )}
        {result?.ok && result.data.authCode && (
          <p className="mt-2 text-sm">
            Auth code:{" "}
            <code className="rounded bg-slate-100 px-2 py-1 font-mono text-base text-slate-900 select-all">
              {result.data.authCode}
            </code>
          </p>
        )}
      </div>
    </form>
  );
}
