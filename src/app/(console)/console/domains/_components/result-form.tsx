"use client";
/**
 * A domain action form that shows the service's answer in words (the registry's result), an auth code
 * when one is revealed, or follows a checkout link. The shared ActionForm does the rest: required
 * marks, the error summary, focus after the action, inputs kept when the action refuses.
 */
import { ActionForm, type FormAction } from "@/components/action-form";
import type { ButtonVariant } from "@/components/button";

type Data = { message?: string; authCode?: string; redirect?: string; ok?: boolean };
type Result = { ok: true; data: Data } | { ok: false; message: string; fields?: Record<string, string> };
export type ResultAction = (prev: never, input: FormData) => Promise<Result>;

function describe(raw: unknown) {
  const data = (raw ?? {}) as Data;
  if (!data.message && !data.authCode) return null;
  return {
    tone: data.ok === false ? ("warning" as const) : ("success" as const),
    message: (
      <>
        {data.message && <p>{data.message}</p>}
        {data.authCode && (
          <p className={data.message ? "mt-2" : ""}>
            Auth code:{" "}
            <code className="rounded bg-white px-2 py-1 font-mono text-base text-slate-900 select-all">
              {data.authCode}
            </code>
          </p>
        )}
      </>
    ),
  };
}

function follow(raw: unknown) {
  const data = (raw ?? {}) as Data;
  if (data.redirect) window.location.assign(data.redirect);
}

export function ResultForm({
  action,
  hidden = {},
  submitLabel,
  variant = "primary",
  confirm,
  children,
  inline = false,
  idempotent = false,
  idPrefix,
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
  idPrefix?: string;
}) {
  return (
    <ActionForm
      action={action as unknown as FormAction}
      hidden={hidden}
      submitLabel={submitLabel}
      variant={variant}
      confirm={confirm}
      layout={inline ? "inline" : "stack"}
      idempotent={idempotent}
      idPrefix={idPrefix}
      describeSuccess={describe}
      onSuccess={follow}
    >
      {children}
    </ActionForm>
  );
}
