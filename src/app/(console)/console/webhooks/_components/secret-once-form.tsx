"use client";
/** A form whose action answers with a signing secret, shown once with a reminder that it will not be shown again. */
import { startTransition, useActionState } from "react";
import { buttonClasses, type ButtonVariant } from "@/components/button";
import { Notice } from "@/components/notice";
import { ReauthLink } from "@/components/reauth-link";
import type { ActionResult, ServerAction } from "@/server/action-client";

type WithSecret = { secret: string };

export function SecretOnceForm<T extends WithSecret>({
  action,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
  children,
}: {
  action: ServerAction<T>;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  children?: (fields: Record<string, string>) => React.ReactNode;
}) {
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  return (
    <div className="space-y-4">
      {result?.ok && (
        <Notice tone="success" title="The signing secret" role="status">
          <p>Copy it now: it is shown only this once. Verify each webhook with it (Standard Webhooks).</p>
          <code data-testid="webhook-secret" className="mt-2 block rounded bg-white p-2 font-mono text-xs break-all">
            {result.data.secret}
          </code>
        </Notice>
      )}
      <form action={dispatch} onSubmit={onSubmit} className="space-y-3">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children?.(fields)}
        <button type="submit" disabled={pending} className={buttonClasses(variant)}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {result && !result.ok && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p className="font-medium">{result.message}</p>
            <ReauthLink code={result.code} />
          </div>
        )}
      </form>
    </div>
  );
}
