/**
 * The Domain row for a name the registry allocated to a sunrise or landrush application (or
 * registered at once), with its audit entry, in the transaction that completes the order item. The
 * application's contact is the name's registrant, admin and tech, as the registry recorded them.
 */
import { systemContext } from "@/server/context";
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { writeActiveDomain } from "@/server/domains/provisioners/write-domain";
import type { ProvisionItem } from "@/server/orders/provisioner";

const YEAR_MS = 365 * 86_400_000;

export async function writeAllocatedDomain(
  tx: Tx,
  item: ProvisionItem,
  d: {
    unicodeName: string;
    applicationId?: string;
    smdId?: string;
    contactId?: string | null;
    claims?: { noticeId: string };
  },
  r: { authCodeEnc: string | null; createdAt?: string; expiresAt?: string; roid?: string },
) {
  const registeredAt = r.createdAt ? new Date(r.createdAt) : new Date();
  const expiresAt = r.expiresAt ? new Date(r.expiresAt) : new Date(registeredAt.getTime() + item.period * YEAR_MS);
  const domain = await writeActiveDomain(tx, item, {
    unicodeName: d.unicodeName,
    roid: r.roid ?? null,
    registeredAt,
    expiresAt,
    privacy: false,
    nameservers: [],
    authInfoEnc: r.authCodeEnc,
    contactId: d.contactId ?? null,
  });
  await recordAudit(tx, systemContext(item.resellerId), {
    action: "domain.register",
    entity: "domain",
    entityId: domain.id,
    resellerId: item.resellerId,
    after: {
      name: item.subject,
      years: item.period,
      expiresAt,
      orderItemId: item.id,
      phase: item.kind === "landrush_application" ? "landrush" : "sunrise",
      smdId: d.smdId ?? null,
      applicationId: d.applicationId ?? null,
      claimsNotice: d.claims?.noticeId ?? null,
    },
  });
  return domain;
}
