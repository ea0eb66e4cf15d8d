/**
 * Changes one contact of a domain. Non-material edits (phone, address; for the registrant anything
 * but name, organisation and email) go to the registry at once. A material change of registrant
 * starts the Transfer Policy's confirmation instead (request-registrant-change). Thin registries
 * take no contacts: the registrant's details are kept here only, other roles are refused.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { ContactFields } from "@/lib/contact-rules";
import type { ManageResult } from "../apply-change";
import { assertManageable, getDomainOrThrow } from "../get-domain-or-throw";
import { contactPolicyOf, ROLE_COLUMN, ROLE_LABEL, thinRegistryRefusal, type ContactRole } from "./contact-policy";
import { fieldsOf, isMaterialChange, validContact } from "./contact-fields";
import { placeContact } from "./place-contact";
import { requestRegistrantChange } from "./request-registrant-change";

export type UpdateContactInput = { domainId: string; role: ContactRole; contact: ContactFields; lockOptOut?: boolean };

export async function updateDomainContact(
  ctx: ActorContext,
  input: UpdateContactInput,
): Promise<ManageResult & { changeId?: string }> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "change contacts");
  const { policy } = await contactPolicyOf(domain);
  if (policy === "prohibited" && input.role !== "registrant") throw thinRegistryRefusal(domain.tld, input.role);
  const fields = validContact(input.contact);

  const currentId = domain[ROLE_COLUMN[input.role]];
  const current = currentId ? await db.contact.findUnique({ where: { id: currentId } }) : null;
  if (input.role === "registrant") {
    const pending = await db.registrantChange.findFirst({
      where: { domainId: domain.id, status: "pending", expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending)
      throw new AppError(
        "CONFLICT",
        "A change of registrant is waiting for confirmation. Cancel it before editing the registrant.",
      );
    if (current && isMaterialChange(fieldsOf(current), fields))
      return requestRegistrantChange(ctx, domain, current, fields, input.lockOptOut ?? false);
  }

  const placed = await placeContact(ctx, domain, input.role, fields);
  await db.$transaction(async (tx) => {
    if (Object.keys(placed.columns).length) await tx.domain.update({ where: { id: domain.id }, data: placed.columns });
    await recordAudit(tx, ctx, {
      action: `domain.contact.${input.role}`,
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: current ? { contactId: current.id, ...fieldsOf(current) } : null,
      after: { contactId: placed.contactId, ...fields },
    });
  });
  return { code: placed.code, message: `${ROLE_LABEL[input.role]} contact updated. ${placed.words}` };
}
