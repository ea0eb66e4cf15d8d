"use client";
/**
 * Labelled form controls with hint and error text wired up for screen readers. Inside a form that
 * shares its feedback (ActionForm), each control finds its own error and a unique id there; a
 * `required` control says so in its label and to assistive technology.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { controlClasses } from "./control-classes";
import { RequiredMark, useField } from "./form-feedback";

type FieldProps = {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
};

export function Field({ id, label, error, hint, required, children, className = "" }: FieldProps) {
  return (
    <div className={`space-y-1 ${className}`}>
      {/* The mark sits beside the label, not in it: the field's name stays exactly its label. */}
      <div className="flex flex-wrap items-baseline gap-x-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          <span data-label-text="">{label}</span>
        </label>
        {required && <RequiredMark />}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The error first (it is what needs doing), then the hint. */
function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type Common = { name: string; label: ReactNode; error?: string; hint?: ReactNode; id?: string; className?: string };

function a11y(id: string, error: string | undefined, hint: ReactNode, required: boolean | undefined) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, error, hint),
    "aria-required": required ? true : undefined,
  } as const;
}

export function TextField({
  name,
  label,
  error: given,
  hint,
  id: givenId,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const { id, error } = useField(name, givenId, given);
  return (
    <Field id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <input
        id={id}
        name={name}
        {...a11y(id, error, hint, input.required)}
        className={controlClasses(!!error)}
        {...input}
      />
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  error: given,
  hint,
  id: givenId,
  className,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { id, error } = useField(name, givenId, given);
  return (
    <Field id={id} label={label} error={error} hint={hint} required={input.required} className={className}>
      <textarea
        id={id}
        name={name}
        {...a11y(id, error, hint, input.required)}
        className={controlClasses(!!error)}
        {...input}
      />
    </Field>
  );
}

export function SelectField({
  name,
  label,
  error: given,
  hint,
  id: givenId,
  className,
  options,
  ...select
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
    options: readonly { value: string; label: string }[];
  }) {
  const { id, error } = useField(name, givenId, given);
  return (
    <Field id={id} label={label} error={error} hint={hint} required={select.required} className={className}>
      <select
        id={id}
        name={name}
        {...a11y(id, error, hint, select.required)}
        className={controlClasses(!!error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({
  name,
  label,
  error: given,
  id: givenId,
  ...input
}: Omit<Common, "hint"> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">) {
  // A box of a group (its own id, a shared name) leaves the group's error to the group's legend.
  const feedback = useField(name, givenId, given);
  const id = feedback.id;
  const error = givenId === undefined ? feedback.error : given;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          {...a11y(id, error, undefined, input.required)}
          className="mt-0.5 h-4 w-4 rounded border-slate-400 text-indigo-700"
          {...input}
        />
        <label htmlFor={id} className="text-sm text-slate-800">
          <span data-label-text="">{label}</span>
        </label>
        {input.required && <RequiredMark />}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
