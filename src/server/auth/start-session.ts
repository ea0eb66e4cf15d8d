/**
 * Every sign-in (password, registration, invitation) starts a server-side session record; the token
 * carries its id, and resolveSession refuses the token once the record is revoked or expired.
 */
import { db } from "@/server/db";
import { deviceSummary } from "./device-summary";
import { SESSION_MAX_AGE, type SessionClaims, type TokenClaims } from "./session-token";

export type Device = { clientAddress: string; userAgent: string };

export async function startSession(claims: SessionClaims, device: Device): Promise<TokenClaims> {
  const owner = claims.kind === "user" ? { userId: claims.sub } : { registrantId: claims.sub };
  const row = await db.session.create({
    data: {
      ...owner,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE[claims.kind] * 1000),
      device: deviceSummary(device.userAgent),
      address: device.clientAddress,
    },
    select: { id: true },
  });
  return { ...claims, sid: row.id };
}
