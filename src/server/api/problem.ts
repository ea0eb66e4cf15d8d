/**
 * Errors as RFC 9457 problem details. `type` is a tag URI (RFC 9457 §3.1.1 allows identifiers that do
 * not resolve) naming the problem; `code` is our AppError code, the stable thing to branch on.
 */
import { ERROR_CODES, isAppError, type ErrorCode } from "@/server/errors";

export const PROBLEM_TYPE_BASE = "tag:registrar-platform,2026:problem:";

export type FieldError = { field: string; detail: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
};

const TITLES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "Not authenticated",
  FORBIDDEN: "Forbidden",
  REAUTH_REQUIRED: "Re-authentication required",
  NOT_FOUND: "Not found",
  INVALID_INPUT: "Invalid input",
  CONFLICT: "Conflict",
  PAYLOAD_TOO_LARGE: "Payload too large",
  RATE_LIMITED: "Too many requests",
  INSUFFICIENT_BALANCE: "Insufficient balance",
  RESELLER_SUSPENDED: "Account suspended",
  READ_ONLY: "Read only",
  PAYMENT_FAILED: "Payment failed",
  REGISTRY_ERROR: "Registry error",
  REGISTRY_UNAVAILABLE: "Registry unavailable",
  INTERNAL: "Internal error",
};

export function problem(
  code: ErrorCode,
  detail?: string,
  opts: { status?: number; slug?: string; errors?: FieldError[] } = {},
): Problem {
  return {
    type: PROBLEM_TYPE_BASE + (opts.slug ?? code.toLowerCase().replaceAll("_", "-")),
    title: TITLES[code],
    status: opts.status ?? ERROR_CODES[code].status,
    detail: detail ?? ERROR_CODES[code].message,
    code,
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
}

/** Invalid input that parsed is unprocessable (422); input that did not parse at all stays 400. */
export function problemFromError(e: unknown): Problem {
  if (!isAppError(e)) {
    console.error("Unexpected error in an API request", e);
    return problem("INTERNAL");
  }
  const errors = Object.entries(e.fields ?? {}).map(([field, detail]) => ({ field, detail }));
  return problem(e.code, e.userMessage, { status: e.code === "INVALID_INPUT" ? 422 : undefined, errors });
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
