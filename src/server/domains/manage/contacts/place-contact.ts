/**
 * Puts contact details on one role of a domain, registry first. A contact row used by this domain's
 * role alone is edited in place (one contact update at the registry); a row shared with other
 * domains or roles (checkout gives one contact to a whole order and to admin and tech) is copied, so
 * an edit here never changes another domain, and the domain is re-linked to the copy in one update.
 * Returns the Domain columns to write, so the caller commits them with its own records.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { ContactFields } from "@/lib/contact-rules";
import type { ContactLink } from "@/server/registry";
import { callRegistry } from "@/server/registry/access";
import { startContactVerification } from "@/server/contact-verification/start/start-verification";
import type { Contact, Domain, Prisma } from "@/generated/prisma/client";
import { contactPolicyOf, ROLE_COLUMN, type ContactRole } from "./contact-policy";
import { ensureRegistryContact, handleAt, updateRegistryContact } from "./registry-contact";

export type Placed = { contactId: string; columns: Prisma.DomainUpdateInput; code: number; words: string };

type Options = {
  /** Always a new row (a new registrant is a different person, whatever the old row's use). */
  fresh?: boolean;
  /** Other roles that move with this one (roles that shared the prior registrant's row). */
  alsoRoles?: ContactRole[];
  verifiedAt?: Date | null;
};

const VERIFY_DAYS = 15;

async function usedOnlyHere(contactId: string, domain: Domain, role: ContactRole): Promise<boolean> {
  if (role !== "registrant" && contactId === domain.registrantContactId) return false;
  const others = await db.domain.count({
    where: {
      id: { not: domain.id },
      OR: [
        { registrantContactId: contactId },
        { adminContactId: contactId },
        { techContactId: contactId },
        { billingContactId: contactId },
      ],
    },
  });
  return others === 0;
}

export async function placeContact(
  ctx: ActorContext,
  domain: Domain,
  role: ContactRole,
  fields: ContactFields,
  opts: Options = {},
): Promise<Placed> {
  const { policy, operator } = await contactPolicyOf(domain);
  const atRegistry = policy !== "prohibited";
  const currentId = domain[ROLE_COLUMN[role]];
  const verification =
    role === "registrant"
      ? {
          verifiedAt: opts.verifiedAt ?? null,
          verificationDeadline: opts.verifiedAt ? null : new Date(Date.now() + VERIFY_DAYS * 86_400_000),
        }
      : {};

  if (currentId && !opts.fresh && (await usedOnlyHere(currentId, domain, role))) {
    const current = await db.contact.findUniqueOrThrow({ where: { id: currentId } });
    const next: Contact = { ...current, ...fields };
    const handle = atRegistry ? await handleAt(currentId, operator) : null;
    let answer = { code: 0, words: "No registry command was needed: this registry holds no contacts." };
    if (handle) answer = await updateRegistryContact(ctx, domain, handle, next);
    await db.contact.update({ where: { id: currentId }, data: fields });
    if (atRegistry && !handle) return relink(ctx, domain, role, next, operator, opts);
    return { contactId: currentId, columns: {}, code: answer.code, words: answer.words };
  }

  const created = await db.contact.create({
    data: { resellerId: domain.resellerId, registrantId: domain.registrantId, ...fields, ...verification },
  });
  if (role === "registrant" && !created.verifiedAt)
    await startContactVerification(created.id, { copiedFrom: currentId });
  if (!atRegistry)
    return {
      contactId: created.id,
      columns: columnsFor(role, opts.alsoRoles, created.id),
      code: 0,
      words: "No registry command was needed: this registry holds no contacts.",
    };
  return relink(ctx, domain, role, created, operator, opts);
}

/** Creates the contact at the registry if needed and points the domain's role(s) at it. */
async function relink(
  ctx: ActorContext,
  domain: Domain,
  role: ContactRole,
  contact: Contact,
  operator: string,
  opts: Options,
): Promise<Placed> {
  const handle = await ensureRegistryContact(ctx, domain, operator, contact);
  const roles = [role, ...(opts.alsoRoles ?? [])].filter((r, i, all) => all.indexOf(r) === i);
  const proxied = await proxiedRoles(domain, operator);
  const add: ContactLink[] = [];
  const remove: ContactLink[] = [];
  let registrant: string | undefined;
  for (const r of roles) {
    // The privacy service keeps these roles at the registry; only our row learns the new person.
    if (proxied.has(r)) continue;
    if (r === "registrant") {
      registrant = handle;
      continue;
    }
    const old = await handleAt(domain[ROLE_COLUMN[r]], operator);
    if (old === handle) continue;
    if (old) remove.push({ type: r, id: old });
    add.push({ type: r, id: handle });
  }
  if (!registrant && !add.length && !remove.length)
    return {
      contactId: contact.id,
      columns: columnsFor(role, opts.alsoRoles, contact.id),
      code: 0,
      words: "Privacy stays on: the registry keeps showing our privacy service, and the new details stay behind it.",
    };
  const r = await callRegistry(ctx, domain, "updateDomain", {
    name: domain.name,
    registrant,
    add: { contacts: add },
    remove: { contacts: remove },
  });
  return { contactId: contact.id, columns: columnsFor(role, opts.alsoRoles, contact.id), code: r.code, words: r.words };
}

/**
 * Roles the privacy proxy holds at the registry for this domain (registrant and tech, decision 107):
 * a change of registrant or a contact edit must not send the customer back into them (decision 116).
 */
async function proxiedRoles(domain: Domain, operator: string): Promise<Set<ContactRole>> {
  if (!domain.privacy) return new Set();
  const row = await db.privacyProxyDomain.findUnique({ where: { domainId: domain.id } });
  return row?.proxyHandle && row.registry === operator ? new Set<ContactRole>(["registrant", "tech"]) : new Set();
}

function columnsFor(role: ContactRole, also: ContactRole[] = [], contactId: string): Prisma.DomainUpdateInput {
  return Object.fromEntries([role, ...also].map((r) => [ROLE_COLUMN[r], contactId]));
}
