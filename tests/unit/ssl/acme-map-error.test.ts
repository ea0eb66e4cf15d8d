/**
 * How the ACME adapter reports failures to the order engine: a rate limit is not a refusal, a refusal
 * carries the CA's detail, and only a request that may have reached the CA says it may have acted.
 */
import https from "node:https";
import { describe, expect, it } from "vitest";
import type { AcmeCallScope } from "@/server/ssl/ca/acme/http-context";
import { toCaError } from "@/server/ssl/ca/acme/map-error";

const scope = (extra: Partial<AcmeCallScope>): AcmeCallScope => ({
  agent: new https.Agent(),
  timeoutMs: 1000,
  ...extra,
});
const failure = new Error("acme-client's message");

describe("ACME failures as CaError", () => {
  it("maps rateLimited to rate_limited, never to a refusal", () => {
    const problem = { type: "urn:ietf:params:acme:error:rateLimited", detail: "too many certificates", status: 429 };
    expect(toCaError(failure, scope({ problem }), true)).toMatchObject({
      code: "rate_limited",
      message: "too many certificates",
      mayHaveTakenEffect: false,
    });
  });

  it("maps other ACME problems to refused with the type and detail", () => {
    const problem = { type: "urn:ietf:params:acme:error:rejectedIdentifier", detail: "policy forbids", status: 400 };
    expect(toCaError(failure, scope({ problem }), true)).toMatchObject({
      code: "refused",
      message: "rejectedIdentifier: policy forbids",
      mayHaveTakenEffect: false,
    });
  });

  it("maps a server error to unavailable that may have taken effect for a change", () => {
    const problem = { type: "urn:ietf:params:acme:error:serverInternal", detail: "oops", status: 500 };
    expect(toCaError(failure, scope({ problem }), true)).toMatchObject({
      code: "unavailable",
      mayHaveTakenEffect: true,
    });
    expect(toCaError(failure, scope({ problem }), false)).toMatchObject({ mayHaveTakenEffect: false });
  });

  it("says a POST that broke after it was sent may have taken effect", () => {
    const network = { code: "ECONNRESET", message: "socket hang up", method: "POST", afterSend: true };
    expect(toCaError(failure, scope({ network }), true)).toMatchObject({
      code: "unavailable",
      mayHaveTakenEffect: true,
    });
  });

  it("says nothing happened when the connection was refused or only the nonce request failed", () => {
    const refused = { code: "ECONNREFUSED", message: "refused", method: "POST", afterSend: false };
    expect(toCaError(failure, scope({ network: refused }), true)).toMatchObject({ mayHaveTakenEffect: false });
    const nonce = { code: "ECONNRESET", message: "socket hang up", method: "HEAD", afterSend: true };
    expect(toCaError(failure, scope({ network: nonce }), true)).toMatchObject({ mayHaveTakenEffect: false });
  });

  it("maps a 404 problem to not_found", () => {
    const problem = { type: "urn:ietf:params:acme:error:malformed", detail: "No order found", status: 404 };
    expect(toCaError(failure, scope({ problem }), false)).toMatchObject({ code: "not_found" });
  });
});
