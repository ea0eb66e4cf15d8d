/**
 * The one error type of the service layer. Codes are a closed set; each maps to an HTTP status and a
 * message safe to show a user. Services throw AppError; the action client and route handlers map it.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, message: "Please sign in to continue." },
  FORBIDDEN: { status: 403, message: "You do not have permission to do that." },
  REAUTH_REQUIRED: { status: 403, message: "For your security, please confirm it's you before making this change." },
  NOT_FOUND: { status: 404, message: "We could not find what you were looking for." },
  INVALID_INPUT: { status: 400, message: "Some of the information you entered is not valid." },
  CONFLICT: { status: 409, message: "That conflicts with something that already exists." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "That request is too large." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Please wait a few minutes and try again." },
  INSUFFICIENT_BALANCE: { status: 402, message: "Insufficient balance to complete this order." },
  RESELLER_SUSPENDED: { status: 423, message: "This account is suspended; changes are not possible." },
  READ_ONLY: { status: 403, message: "Your role can view this but not change it." },
  PAYMENT_FAILED: { status: 402, message: "The payment did not go through." },
  REGISTRY_ERROR: { status: 502, message: "The registry refused the request." },
  REGISTRY_UNAVAILABLE: { status: 503, message: "The registry could not be reached. Please try again shortly." },
  INTERNAL: { status: 500, message: "Something went wrong on our side. Please try again." },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field-level problems for forms, keyed by field name. */
  readonly fields?: Record<string, string>;
  /** Shown to the user instead of the code's default message when given. */
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage?: string, opts?: { fields?: Record<string, string>; cause?: unknown }) {
    super(userMessage ?? ERROR_CODES[code].message, { cause: opts?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = opts?.fields;
    this.userMessage = userMessage ?? ERROR_CODES[code].message;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** What a caller outside the service layer may see of any thrown value. */
export function toPublicError(e: unknown): {
  code: ErrorCode;
  message: string;
  status: number;
  fields?: Record<string, string>;
} {
  if (isAppError(e)) return { code: e.code, message: e.userMessage, status: e.status, fields: e.fields };
  return { code: "INTERNAL", message: ERROR_CODES.INTERNAL.message, status: 500 };
}
