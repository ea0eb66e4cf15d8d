/**
 * Turns what went wrong in one ACME call into the port's CaError, from what the HTTP scope saw (the
 * RFC 8555 §6.7 problem type, the status, a network failure) rather than acme-client's message text.
 */
import { CaError } from "../port";
import type { AcmeCallScope } from "./http-context";

const ACME_ERROR = "urn:ietf:params:acme:error:";

/** Failures where the request never reached the CA: nothing can have happened there. */
const BEFORE_SEND = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function problemType(scope: AcmeCallScope): string | undefined {
  const type = scope.problem?.type;
  return type?.startsWith(ACME_ERROR) ? type.slice(ACME_ERROR.length) : type;
}

/**
 * `effectful`: the call asks the CA to change something (new account, order, challenge, finalize,
 * revoke), so a failure we cannot see the end of may have taken effect.
 */
export function toCaError(error: unknown, scope: AcmeCallScope, effectful: boolean): CaError {
  if (error instanceof CaError) return error;
  const cause = { cause: error };
  const problem = scope.problem;
  if (problem) {
    const type = problemType(scope);
    const detail = problem.detail || type || "The CA refused the request.";
    if (type === "rateLimited" || problem.status === 429) return new CaError("rate_limited", detail, false, cause);
    if (problem.status === 404) return new CaError("not_found", detail, false, cause);
    if (type === "serverInternal" || type === "badNonce" || problem.status >= 500)
      return new CaError("unavailable", detail, effectful, cause);
    return new CaError("refused", `${type}: ${detail}`, false, cause);
  }
  if (scope.network) {
    const { code, message, method, afterSend } = scope.network;
    const mayHaveTakenEffect = effectful && method === "POST" && afterSend && !BEFORE_SEND.has(code);
    return new CaError("unavailable", `The CA could not be reached (${code}): ${message}`, mayHaveTakenEffect, cause);
  }
  if (scope.lastStatus === 429) return new CaError("rate_limited", "The CA is rate limiting us.", false, cause);
  if (scope.lastStatus === 404) return new CaError("not_found", "The CA does not know this object.", false, cause);
  const message = error instanceof Error ? error.message : String(error);
  // Neither a problem document nor a network failure: a surprise from the client library mid-exchange.
  return new CaError("unavailable", `ACME exchange failed: ${message}`, effectful, cause);
}
