"use client";
/**
 * The outcome of a form that runs its own action state (sign-in, passwords, two-factor): the error
 * summary (first in the form, focused, each field's error a link to it) or the confirmation. The
 * same two messages ActionForm shows.
 */
import { Confirmation, ErrorSummary } from "./form-feedback";

type Result =
  { ok: true } | { ok: false; code?: string; message: string; fields?: Record<string, string> } | null | undefined;

export function FormAlert({ result, success, idPrefix }: { result: Result; success?: string; idPrefix?: string }) {
  if (!result) return null;
  if (result.ok) return success ? <Confirmation trigger={result}>{success}</Confirmation> : null;
  return <ErrorSummary failure={result} trigger={result} idPrefix={idPrefix} />;
}
