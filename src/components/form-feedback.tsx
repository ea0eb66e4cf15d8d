"use client";
/**
 * What a form knows about its last submission, shared with the fields inside it: each field's error
 * (so a field, select included, marks itself aria-invalid and points at its message), the prefix
 * that keeps ids unique when a page has several forms, and whether the action is running. Also the
 * two messages every form shows: the error summary and the confirmation, both focused when they
 * appear so focus never falls to the page after an action.
 */
import { createContext, useContext, useEffect, useRef } from "react";
import { ReauthLink } from "./reauth-link";

export type FieldErrors = Record<string, string>;
type Feedback = { errors: FieldErrors; idPrefix?: string; pending: boolean };

const FeedbackContext = createContext<Feedback>({ errors: {}, pending: false });

export function FormFeedbackProvider({ value, children }: { value: Feedback; children: React.ReactNode }) {
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

export function useFormFeedback(): Feedback {
  return useContext(FeedbackContext);
}

export function fieldId(name: string, idPrefix?: string): string {
  return idPrefix ? `${idPrefix}-${name}` : name;
}

/** A field's id and error: what the caller passed, else what its form knows. */
export function useField(name: string, id?: string, error?: string): { id: string; error?: string } {
  const fb = useContext(FeedbackContext);
  return { id: id ?? fieldId(name, fb.idPrefix), error: error ?? fb.errors[name] };
}

function labelText(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  const label = el.labels?.[0];
  const text = (label?.querySelector("[data-label-text]") ?? label)?.textContent?.trim();
  return text || el.name;
}

/**
 * Required fields left empty, in words, checked before the action is called: the same summary and
 * the same focus as the server's answer, without a round trip.
 */
export function missingRequired(form: HTMLFormElement): FieldErrors {
  const errors: FieldErrors = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement))
      continue;
    if (!el.required || el.matches(":disabled") || !el.name || errors[el.name]) continue;
    const name = labelText(el);
    if (el instanceof HTMLInputElement && el.type === "checkbox") {
      if (!el.checked) errors[el.name] = `Tick “${name}” to go on.`;
    } else if (el instanceof HTMLInputElement && el.type === "file") {
      if (!el.files?.length) errors[el.name] = `Choose a file for “${name}”.`;
    } else if (el.value.trim() === "") {
      errors[el.name] = el instanceof HTMLSelectElement ? `Choose “${name}”.` : `Fill in “${name}”.`;
    }
  }
  return errors;
}

type Failure = { message: string; code?: string; fields?: FieldErrors };

/**
 * The error summary, first in its form: one line per field, each a link that moves focus to the
 * field. It takes focus whenever a new failure arrives (`trigger` changes), and is a live region
 * so the words are read even where focus moves are not announced.
 */
export function ErrorSummary({
  failure,
  trigger,
  idPrefix,
  className = "",
}: {
  failure: Failure;
  /** A new value (each submission's result) moves focus here again. */
  trigger: unknown;
  idPrefix?: string;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [trigger]);
  const fields = Object.entries(failure.fields ?? {});
  const focusField = (e: React.MouseEvent<HTMLAnchorElement>, name: string) => {
    const form = ref.current?.closest("form");
    const target = form?.elements.namedItem(name);
    const el = target instanceof RadioNodeList ? target[0] : target;
    if (el instanceof HTMLElement) {
      e.preventDefault();
      el.focus();
    }
  };
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      data-error-summary=""
      className={`basis-full rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 ${className}`}
    >
      <p className="font-semibold">{failure.message}</p>
      <ReauthLink code={failure.code} />
      {fields.length > 0 && (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${fieldId(name, idPrefix)}`}
                onClick={(e) => focusField(e, name)}
                // A list of links is not text in a sentence: each gets a 24 px target (WCAG 2.5.8).
                className="inline-block min-h-6 py-0.5 underline underline-offset-2"
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A confirmation after an action: announced (role=status) and focused when it appears, so the person
 * knows what happened and focus stays near where they were. It stays until the next submission.
 */
export function Confirmation({
  children,
  trigger = null,
  tone = "success",
  className = "",
}: {
  children: React.ReactNode;
  trigger?: unknown;
  tone?: "success" | "warning";
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [trigger]);
  const colours =
    tone === "warning" ? "border-amber-300 bg-amber-50 text-amber-950" : "border-green-300 bg-green-50 text-green-900";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      data-confirmation=""
      className={`basis-full rounded-md border px-3 py-2 text-sm ${colours} ${className}`}
    >
      {children}
    </div>
  );
}

/**
 * The visible mark of a required field, beside (not inside) its label so the field's accessible name
 * stays its label; screen readers hear "required" from the control itself.
 */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="text-xs font-normal text-red-800">
      (required)
    </span>
  );
}
