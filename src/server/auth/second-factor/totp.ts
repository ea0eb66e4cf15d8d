/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) through the `otpauth` library. A code is
 * accepted one step either side of now, to allow for clock drift and typing time; callers get the
 * matched time step back, so a code once accepted can be refused the second time.
 */
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "Registrar platform";
const PERIOD = 30;

function totpFor(base32Secret: string, label = "account"): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(base32Secret),
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or pasted). */
export function totpUri(base32Secret: string, email: string): string {
  return totpFor(base32Secret, email).toString();
}

export function totpStepAt(now: number): number {
  return Math.floor(now / 1000 / PERIOD);
}

/** The time step `code` belongs to (now ± 1), or null when it matches none. */
export function matchTotpStep(base32Secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32Secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : totpStepAt(now) + delta;
}

/** The code of one time step: for the demo helper script and tests. */
export function totpCodeForStep(base32Secret: string, step: number): string {
  return totpFor(base32Secret).generate({ timestamp: step * PERIOD * 1000 });
}
