/**
 * The `pre_registration` provisioner: a paid pre-order joins the queue for its TLD and waits in
 * `pending_registry` with the money held. It never sends the domain create itself, even when the TLD
 * is open by the time the payment arrives, so pre-orders reach the registry only through
 * submit-preorders.ts, in the order they were received. It does make the create's other objects (the
 * registrant's contact, the nameservers' hosts) now, so the phase start costs one command per name;
 * when the registry cannot make them now, the create makes them at the start as checkout's does.
 */
import { Prisma } from "@/generated/prisma/client";
import { EppError, RegistryTransportError } from "@/server/registry";
import { registryContactsFor } from "@/lib/contact-rules";
import { ensureContact, ensureHosts } from "@/server/domains/provisioners/registry-objects";
import type { Provisioner, ProvisionJob } from "@/server/orders/provisioner";
import { preorderDetailsSchema, type PreorderDetails } from "./preorder-details";

async function prepare({ item, registry }: ProvisionJob, d: PreorderDetails): Promise<PreorderDetails["prepared"]> {
  const port = registry.forDomain(item.subject);
  const operator = item.product.registryOperator ?? item.product.code;
  const nameservers = item.product.dnssec === "required" ? [] : d.nameservers;
  try {
    const registrant =
      registryContactsFor(item.product.code) !== "prohibited" && d.contactId
        ? await ensureContact(port, operator, d.contactId)
        : undefined;
    await ensureHosts(port, nameservers);
    return { registrant, nameservers };
  } catch (e) {
    if (e instanceof EppError || e instanceof RegistryTransportError) return undefined;
    throw e;
  }
}

export const provisioner: Provisioner = async (job) => {
  const { item } = job;
  const message = `Pre-ordered: goes to the registry when .${item.product.code} opens to everyone.`;
  const d = preorderDetailsSchema.parse(item.details ?? {});
  // A create already sent (a parked pre-order a person sent back) keeps its objects; it counts tries afresh.
  const prepared = d.prepared ?? (d.sent ? undefined : await prepare(job, d));
  if (prepared === d.prepared && d.tries === 0) return { status: "pending_registry", message };
  const details = { ...d, prepared, tries: 0, leaseUntil: undefined };
  return {
    status: "pending_registry",
    message,
    commit: async (tx) => {
      await tx.orderItem.update({ where: { id: item.id }, data: { details: details as Prisma.InputJsonValue } });
    },
  };
};

export const PREORDER_PROVISIONERS = { pre_registration: provisioner } as const;
