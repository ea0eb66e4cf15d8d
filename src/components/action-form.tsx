"use client";
/**
 * The one form of the consoles (and the storefront's small forms), bound to a server action:
 * - required fields are marked, and checked before the action runs;
 * - the error summary comes first, lists every field's error as a link to the field, and takes focus
 *   on a failed submission; each field (select included) carries its own error (FormFeedbackProvider);
 * - after success a confirmation appears next to the button and takes focus; when the action removes
 *   the form itself, the page's announcer (FocusKeeper) says it instead, so focus never drops to <body>;
 * - the button stays focusable while the action runs (aria-disabled, a second press is ignored).
 * Submitted through a transition, so inputs keep what the person typed when the action refuses it;
 * without JavaScript it still posts as a form.
 */
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { buttonClasses, type ButtonVariant } from "./button";
import { announce } from "./focus-keeper";
import {
  Confirmation,
  ErrorSummary,
  FormFeedbackProvider,
  missingRequired,
  useFormFeedback,
  type FieldErrors,
} from "./form-feedback";

export type FormResult =
  { ok: true; data?: unknown } | { ok: false; code?: string; message: string; fields?: Record<string, string> };
/** Any server action made by the action client (its previous state is only ever its own result). */
export type FormAction = (prev: never, input: FormData) => Promise<FormResult>;
type Bound = (prev: FormResult | null, input: FormData) => Promise<FormResult>;
type Failure = { message: string; code?: string; fields?: FieldErrors };

/** What a successful action has to say: words for the confirmation, or nothing beyond "Done.". */
export type SuccessWords = { message: React.ReactNode; tone?: "success" | "warning" } | null;

type Props = {
  action: FormAction;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Asked before submitting (destructive actions). */
  confirm?: string;
  /** The confirmation's words; "Done." when not given. */
  success?: string;
  /** Words from the action's data (client callers only), e.g. the registry's answer. */
  describeSuccess?: (data: unknown) => SuccessWords;
  /** Runs after a success, e.g. to follow a checkout link the action returned. */
  onSuccess?: (data: unknown) => void;
  /** Prefixes every field id, so two forms on one page never share an id. */
  idPrefix?: string;
  /** Adds a fresh idempotency key per page view, so a double click places one order. */
  idempotent?: boolean;
  /** "custom": the children place a <FormSubmitButton> themselves. */
  submitPlacement?: "end" | "custom";
  children?: React.ReactNode;
  className?: string;
  layout?: "stack" | "inline";
};

const FAILED_CHECK = "Some fields need your attention.";

export function ActionForm({
  action,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
  confirm,
  success,
  describeSuccess,
  onSuccess,
  idPrefix,
  idempotent = false,
  submitPlacement = "end",
  children,
  className = "",
  layout = "stack",
}: Props) {
  const [result, dispatch, pending] = useActionState(action as Bound, null);
  const [local, setLocal] = useState<{ failure: Failure } | null>(null);
  const idempotencyKey = useRef<string | null>(null);
  const submittedAt = useRef(0);
  const settledAt = useRef(0);
  const successText = useRef("Done.");
  const afterSuccess = useRef(onSuccess);
  useEffect(() => {
    afterSuccess.current = onSuccess;
  }, [onSuccess]);

  useEffect(() => {
    if (!result) return;
    settledAt.current = Date.now();
    if (result.ok) afterSuccess.current?.(result.data);
  }, [result]);

  // The action may remove this very form (a row deleted, a list refreshed): say it on the page instead.
  useEffect(
    () => () => {
      const justActed =
        submittedAt.current > 0 && (settledAt.current < submittedAt.current || Date.now() - settledAt.current < 2_000);
      if (justActed) announce(successText.current);
    },
    [],
  );

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const form = e.currentTarget;
    const missing = missingRequired(form);
    if (Object.keys(missing).length > 0) {
      setLocal({ failure: { message: FAILED_CHECK, fields: missing } });
      return;
    }
    if (confirm && !window.confirm(confirm)) return;
    setLocal(null);
    const data = new FormData(form);
    if (idempotent) data.set("idempotencyKey", (idempotencyKey.current ??= crypto.randomUUID()));
    submittedAt.current = Date.now();
    startTransition(() => dispatch(data));
  };

  const failure: Failure | null = local?.failure ?? (result && !result.ok ? result : null);
  const described = result?.ok && describeSuccess ? describeSuccess(result.data) : null;
  const confirmation: SuccessWords = result?.ok && !local ? (described ?? { message: success ?? "Done." }) : null;
  const spoken = typeof confirmation?.message === "string" ? confirmation.message : (success ?? "Done.");
  useEffect(() => {
    successText.current = spoken;
  }, [spoken]);

  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      noValidate
      className={`${layout === "inline" ? "flex flex-wrap items-end gap-2" : "space-y-3"} ${className}`}
    >
      <FormFeedbackProvider value={{ errors: failure?.fields ?? {}, idPrefix, pending }}>
        {failure && <ErrorSummary failure={failure} trigger={local ?? result} idPrefix={idPrefix} />}
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        {submitPlacement === "end" && (
          <FormSubmitButton variant={variant} pendingLabel={pendingLabel}>
            {submitLabel}
          </FormSubmitButton>
        )}
        {confirmation && (
          <Confirmation trigger={result} tone={confirmation.tone}>
            {confirmation.message}
          </Confirmation>
        )}
      </FormFeedbackProvider>
    </form>
  );
}

/** The submit button of an ActionForm; says it is working, stays focusable, ignores a second press. */
export function FormSubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const { pending } = useFormFeedback();
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className={buttonClasses(variant, `${pending ? "cursor-wait opacity-70" : ""} ${className}`)}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
