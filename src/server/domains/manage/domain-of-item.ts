/** The domain a renew or restore item is about: by the id recorded at ordering, else by name. */
import { db } from "@/server/db";
import type { ProvisionItem } from "@/server/orders/provisioner";

export async function domainOfItem(item: Pick<ProvisionItem, "details" | "subject" | "resellerId">) {
  const details = (item.details ?? {}) as { domainId?: string; currentExpiry?: string };
  const domain = details.domainId
    ? await db.domain.findUnique({ where: { id: details.domainId } })
    : await db.domain.findUnique({ where: { name: item.subject.toLowerCase() } });
  return { domain: domain && domain.resellerId === item.resellerId ? domain : null, details };
}
