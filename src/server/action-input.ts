/**
 * How form posts become the objects action schemas parse, and how failures keep what the user typed.
 * Pure: unit-tested without Next.
 */
import type { z } from "zod";

/** Never echoed back to a form, whatever the result. */
const SECRET_FIELD = /password|token|secret|authcode|authinfo|totp|^code$/i;

/**
 * FormData → plain object. Repeated names become arrays, as does any name ending in `[]` (so one
 * ticked checkbox is still a list); Next's own `$ACTION…` fields and empty file inputs are dropped.
 */
export function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input ?? {};
  const out: Record<string, unknown> = {};
  for (const name of new Set(input.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const values = input.getAll(name).filter((v) => typeof v === "string" || v.size > 0 || v.name !== "");
    const isList = name.endsWith("[]");
    const key = isList ? name.slice(0, -2) : name;
    if (isList) out[key] = values;
    else if (values.length === 1) out[key] = values[0];
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

/** The string fields of a submission, minus secrets, so a failed form can be shown again filled in. */
export function keptValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === "string" && !SECRET_FIELD.test(k)) out[k] = v;
  }
  return out;
}

/** One message per field (the first), keyed by dotted path; problems with the whole form under "form". */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    fields[key] ??= issue.message;
  }
  return fields;
}
