/**
 * What a domain's registry does with contacts, and which Domain column holds each role. Thin
 * registries (.com, .net) hold none: we keep the registrant's details ourselves (RDAP, escrow, the
 * Transfer Policy) and refuse admin, technical and billing contacts (docs/decisions/060).
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { registryContactsFor, type RegistryContacts } from "@/lib/contact-rules";
import type { Domain } from "@/generated/prisma/client";

export const CONTACT_ROLES = ["registrant", "admin", "tech", "billing"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const ROLE_COLUMN = {
  registrant: "registrantContactId",
  admin: "adminContactId",
  tech: "techContactId",
  billing: "billingContactId",
} as const satisfies Record<ContactRole, keyof Domain>;

export const ROLE_LABEL: Record<ContactRole, string> = {
  registrant: "Registrant",
  admin: "Administrative",
  tech: "Technical",
  billing: "Billing",
};

export type DomainContactPolicy = { policy: RegistryContacts; operator: string };

export async function contactPolicyOf(domain: Pick<Domain, "tld">): Promise<DomainContactPolicy> {
  const p = await db.product.findUnique({
    where: { code: domain.tld },
    select: { registryOperator: true, details: true },
  });
  const override =
    p?.details && typeof p.details === "object" && !Array.isArray(p.details)
      ? (p.details as Record<string, unknown>).contacts
      : undefined;
  return { policy: registryContactsFor(domain.tld, override), operator: p?.registryOperator ?? domain.tld };
}

export function thinRegistryRefusal(tld: string, role: ContactRole): AppError {
  const message = `The .${tld} registry holds no contacts (a thin registry), so ${ROLE_LABEL[role].toLowerCase()} contacts cannot be set for .${tld} names. We keep only the registrant's details, for lookups and the transfer policy.`;
  return new AppError("INVALID_INPUT", message, { fields: { role: message } });
}
