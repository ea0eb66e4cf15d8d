/**
 * The token in a new-key link (decision 134): a bulk reissue asks a registrant for a new key, and the
 * mailed link opens the upload page of that one certificate without a sign-in. HMAC-signed with a key
 * derived from AUTH_SECRET for this purpose only (it can never pass for a session or a sign-in
 * challenge), naming the certificate, its subscription, reseller and registrant, and expiring. Nothing
 * is stored when it is made; a used link's nonce is (ordering/key-link-reissue.ts), so each works once.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/env";
import { baseUrlOf } from "@/server/auth/links";

/** A week, the longest a mail keeps its deliverable copy; the reminder after three days mails a fresh one. */
export const KEY_LINK_TTL_MS = 7 * 24 * 60 * 60_000;

const PURPOSE = "ssl-new-key";

const payloadSchema = z.object({
  p: z.literal(PURPOSE),
  certificateId: z.string().min(1),
  subscriptionId: z.string().min(1),
  resellerId: z.string().min(1),
  registrantId: z.string().min(1),
  nonce: z.string().min(16),
  exp: z.number().int(),
});

export type KeyLink = Omit<z.infer<typeof payloadSchema>, "p">;

function sign(body: string): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const key = Buffer.from(hkdfSync("sha256", secret, "", `${PURPOSE}-link`, 32));
  return createHmac("sha256", key).update(body).digest();
}

export function signKeyLink(
  link: Omit<KeyLink, "nonce" | "exp">,
  now = Date.now(),
): { token: string; expiresAt: Date; nonce: string } {
  const nonce = randomBytes(16).toString("base64url");
  const exp = now + KEY_LINK_TTL_MS;
  const body = Buffer.from(JSON.stringify({ p: PURPOSE, ...link, nonce, exp })).toString("base64url");
  return { token: `${body}.${sign(body).toString("base64url")}`, expiresAt: new Date(exp), nonce };
}

/** The link if `token` is ours, for this purpose and unexpired; null for anything else. */
export function openKeyLink(token: string | null | undefined, now = Date.now()): KeyLink | null {
  const [body, mac, extra] = (token ?? "").split(".");
  if (!body || !mac || extra !== undefined) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = sign(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success || parsed.data.exp <= now) return null;
  const { p: _purpose, ...link } = parsed.data;
  return link;
}

/** A fresh link for one certificate's registrant, on the reseller's storefront host. */
export function newKeyLink(host: string, link: Omit<KeyLink, "nonce" | "exp">, now = Date.now()) {
  const { token, expiresAt } = signKeyLink(link, now);
  return { url: `${baseUrlOf(host)}/certificate-key/${token}`, expiresAt };
}
