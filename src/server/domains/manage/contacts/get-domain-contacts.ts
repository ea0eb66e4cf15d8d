/**
 * A domain's contacts as its page shows them: each role's details (or none), what the registry's
 * policy allows, and a change of registrant waiting for confirmation. Token hashes never leave here.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { ContactFields } from "@/lib/contact-rules";
import { getDomainOrThrow } from "../get-domain-or-throw";
import { registrantChangeLockDays } from "./change-terms";
import { CONTACT_ROLES, contactPolicyOf, ROLE_COLUMN, type ContactRole } from "./contact-policy";
import { fieldsOf } from "./contact-fields";
import { newContactOf } from "./find-registrant-change";

export type RoleContact = {
  role: ContactRole;
  contact: ContactFields | null;
  sameAsRegistrant: boolean;
  verified: boolean;
};

export async function getDomainContacts(ctx: ActorContext, domainId: string) {
  const domain = await getDomainOrThrow(ctx, domainId);
  const { policy } = await contactPolicyOf(domain);
  const ids = CONTACT_ROLES.map((r) => domain[ROLE_COLUMN[r]]).filter((id): id is string => id !== null);
  const rows = new Map((await db.contact.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c]));
  const roles: RoleContact[] = CONTACT_ROLES.filter((r) => r === "registrant" || policy !== "prohibited").map(
    (role) => {
      const id = domain[ROLE_COLUMN[role]];
      const row = id ? rows.get(id) : undefined;
      return {
        role,
        contact: row ? fieldsOf(row) : null,
        sameAsRegistrant: role !== "registrant" && id !== null && id === domain.registrantContactId,
        verified: row?.verifiedAt != null,
      };
    },
  );
  const pendingRow = await db.registrantChange.findFirst({
    where: { domainId, status: "pending", expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  const pending = pendingRow && {
    id: pendingRow.id,
    next: newContactOf(pendingRow.newContact),
    priorEmail: pendingRow.priorEmail,
    priorConfirmed: pendingRow.priorConfirmedAt !== null,
    newConfirmed: pendingRow.newConfirmedAt !== null,
    expiresAt: pendingRow.expiresAt,
    lockOptOut: pendingRow.lockOptOut,
    lastError: pendingRow.lastError,
  };
  return {
    domainId,
    tld: domain.tld,
    policy,
    roles,
    pending,
    lockDays: registrantChangeLockDays(),
    transferLockedUntil: domain.transferLockedUntil,
  };
}

export type DomainContacts = Awaited<ReturnType<typeof getDomainContacts>>;
