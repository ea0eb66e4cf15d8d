/**
 * The WebAuthn relying party is the host the person is on: the console host for staff, the
 * storefront's own host for its registrants. A passkey is bound to the host name (its RP ID); the
 * origin adds scheme and port, and both are checked against what the browser signed.
 */
import { env } from "@/env";

export type RelyingParty = { rpID: string; origin: string };

/** `host` is a canonical request host (`name` or `name:port`), as `ActionRequest.host` gives it. */
export function relyingPartyFor(host: string): RelyingParty {
  return { rpID: host.replace(/:\d+$/, ""), origin: `${env().PUBLIC_SCHEME}://${host}` };
}
