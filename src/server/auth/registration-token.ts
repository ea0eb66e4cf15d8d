/**
 * A sign-up waiting for its email to be confirmed travels in the confirmation link itself: an
 * encrypted, expiring next-auth JWT (AUTH_SECRET with a salt of its own, so it can never pass as a
 * session). Nothing is stored until the link is used, so an unconfirmed sign-up occupies no email.
 */
import { decode, encode } from "next-auth/jwt";
import { z } from "zod";
import { env } from "@/env";

const SALT = "registrar-platform.registration";
export const REGISTRATION_TTL_SECONDS = 24 * 60 * 60;

const pendingSchema = z.object({
  purpose: z.literal("registration"),
  resellerId: z.string().min(1),
  email: z.string().min(3),
  name: z.string().min(1),
  passwordHash: z.string().min(1),
});

export type PendingRegistration = Omit<z.infer<typeof pendingSchema>, "purpose">;

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

export async function encodeRegistration(pending: PendingRegistration): Promise<string> {
  return encode({
    token: { purpose: "registration", ...pending },
    secret: secret(),
    salt: SALT,
    maxAge: REGISTRATION_TTL_SECONDS,
  });
}

/** The sign-up a link carries, or null when it is not ours, was tampered with or has expired. */
export async function decodeRegistration(token: string): Promise<PendingRegistration | null> {
  try {
    const parsed = pendingSchema.safeParse(await decode({ token, secret: secret(), salt: SALT }));
    if (!parsed.success) return null;
    const { purpose: _purpose, ...pending } = parsed.data;
    return pending;
  } catch {
    return null;
  }
}
