/**
 * The browser's answers (from @simplewebauthn/browser) as they reach a server action: checked for
 * shape and size here, verified cryptographically by @simplewebauthn/server.
 */
import { z } from "zod";
import type { AuthenticatorTransportFuture } from "./webauthn-server";

const TRANSPORTS: readonly AuthenticatorTransportFuture[] = [
  "ble",
  "cable",
  "hybrid",
  "internal",
  "nfc",
  "smart-card",
  "usb",
];

const isTransport = (t: string): t is AuthenticatorTransportFuture => (TRANSPORTS as readonly string[]).includes(t);

/** The transports of `list` the library knows (stored rows hold plain strings). */
export const knownTransports = (list: readonly string[]): AuthenticatorTransportFuture[] => list.filter(isTransport);

const b64url = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "Not base64url.")
    .max(max);

/** Transports a browser names that we do not know are dropped, not refused. */
export const transportsSchema = z.array(z.string().max(32)).max(10).transform(knownTransports);

const credentialBase = {
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  // Extensions are not used; their results are dropped.
  clientExtensionResults: z.object({}),
};

export const registrationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(16000),
    authenticatorData: b64url(4000).optional(),
    transports: transportsSchema.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4000).optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4000),
    authenticatorData: b64url(4000),
    signature: b64url(1000),
    userHandle: b64url(200).optional(),
  }),
});

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, "Give the passkey a name, such as the device it is on.")
  .max(60, "Keep the name under 60 characters.");

export const registerPasskeySchema = z.object({ name: passkeyNameSchema, response: registrationResponseSchema });
export const renamePasskeySchema = z.object({ passkeyId: z.uuid(), name: passkeyNameSchema });
export const removePasskeySchema = z.object({ passkeyId: z.uuid() });
export const passkeySignInSchema = z.object({ response: authenticationResponseSchema });
/** "Confirm it's you" with the password and a passkey instead of a code. */
export const confirmWithPasskeySchema = z.object({
  password: z.string().min(1, "Enter your password.").max(1000),
  response: authenticationResponseSchema,
  next: z.string().max(2048).optional(),
});
