/**
 * Everything that makes one ACME CA differ from another is configuration: the directory, the account
 * key (a PEM the caller keeps in its secret store), External Account Binding for commercial CAs, and
 * which TLS roots to trust for the CA's own HTTPS endpoint (a test CA such as pebble has its own).
 */
import { createPrivateKey } from "node:crypto";
import { z } from "zod";

const pem = (label: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`), `Expected a PEM ${label}.`);

export const acmeCaConfigSchema = z.object({
  /** Shown in logs and records, e.g. "acme:letsencrypt" or "acme:pebble". */
  name: z.string().trim().min(1).default("acme"),
  directoryUrl: z.url({ protocol: /^https?$/ }),
  accountKeyPem: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const key = createPrivateKey(value);
        return key.asymmetricKeyType === "rsa" || key.asymmetricKeyType === "ec";
      } catch {
        return false;
      }
    }, "Expected an RSA or EC private key in PEM."),
  /** Known once the account exists; saves a newAccount round trip per process. */
  accountUrl: z.url().optional(),
  contactEmail: z.email().optional(),
  /** RFC 8555 §7.3.4: the CA hands out a key identifier and a base64url HMAC key per customer account. */
  externalAccountBinding: z
    .object({
      kid: z.string().trim().min(1),
      hmacKey: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]+={0,2}$/, "Expected the base64url HMAC key the CA issued."),
    })
    .optional(),
  /** Extra roots for the CA's HTTPS endpoint (added to Node's public roots), e.g. pebble's self-signed one. */
  tlsCaPem: z.array(pem("CERTIFICATE")).default([]),
  /** Roots a relying party trusts for this CA's certificates; ACME does not publish them. */
  trustAnchorsPem: z.array(pem("CERTIFICATE")).default([]),
  requestTimeoutMs: z.number().int().positive().default(30_000),
  /** How long getOrder waits after finalizing before answering "processing" (the next call picks it up). */
  finalizeWaitMs: z.number().int().nonnegative().default(5_000),
});

export type AcmeCaConfig = z.output<typeof acmeCaConfigSchema>;
export type AcmeCaConfigInput = z.input<typeof acmeCaConfigSchema>;
