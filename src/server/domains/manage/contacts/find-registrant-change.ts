/**
 * A change of registrant as its confirmation link shows it. The link carries the change id and a
 * token; the token's hash says which party (prior or new registrant) opened it. A wrong token, or a
 * change of another reseller than the storefront's, is "not found", so links reveal nothing.
 */
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashToken } from "@/server/auth/tokens";
import type { ContactFields } from "@/lib/contact-rules";
import { registrantChangeLockDays } from "./change-terms";
import { CONTACT_KEYS, fieldsOf } from "./contact-fields";
import type { Party } from "./registrant-change-mail";

const NOT_VALID = "This confirmation link is not valid. Use the latest link from your mail.";

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function findRegistrantChangeByToken(resellerId: string, id: string, token: string) {
  if (!z.uuid().safeParse(id).success || !token) throw new AppError("NOT_FOUND", NOT_VALID);
  const change = await db.registrantChange.findUnique({ where: { id } });
  if (!change || change.resellerId !== resellerId) throw new AppError("NOT_FOUND", NOT_VALID);
  const hash = hashToken(token);
  const party: Party | null = sameHash(hash, change.priorTokenHash)
    ? "prior"
    : sameHash(hash, change.newTokenHash)
      ? "new"
      : null;
  if (!party) throw new AppError("NOT_FOUND", NOT_VALID);
  return { change, party };
}

export function newContactOf(json: unknown): ContactFields {
  const o = (json ?? {}) as Record<string, unknown>;
  return Object.fromEntries(CONTACT_KEYS.map((k) => [k, typeof o[k] === "string" ? o[k] : ""])) as ContactFields;
}

export type RegistrantChangeView = Awaited<ReturnType<typeof viewRegistrantChange>>;

/** What the confirmation page shows: the domain, what changes, and where this party stands. */
export async function viewRegistrantChange(resellerId: string, id: string, token: string) {
  const { change, party } = await findRegistrantChangeByToken(resellerId, id, token);
  const domain = await db.domain.findUniqueOrThrow({ where: { id: change.domainId }, select: { unicodeName: true } });
  const prior = change.priorContactId ? await db.contact.findUnique({ where: { id: change.priorContactId } }) : null;
  const next = newContactOf(change.newContact);
  const expired = change.status === "pending" && change.expiresAt <= new Date();
  return {
    id: change.id,
    party,
    domainName: domain.unicodeName,
    status: expired ? ("expired" as const) : change.status,
    expiresAt: change.expiresAt,
    confirmedAt: party === "prior" ? change.priorConfirmedAt : change.newConfirmedAt,
    otherConfirmed: (party === "prior" ? change.newConfirmedAt : change.priorConfirmedAt) !== null,
    prior: prior
      ? { name: prior.name, organization: prior.organization, email: fieldsOf(prior).email }
      : { name: "", organization: "", email: change.priorEmail },
    next: {
      name: next.name,
      organization: next.organization,
      email: next.email,
      city: next.city,
      countryCode: next.countryCode,
    },
    lockOptOut: change.lockOptOut,
    lockDays: registrantChangeLockDays(),
    lastError: change.lastError,
  };
}
