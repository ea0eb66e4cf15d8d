/** The RFC 3915 restore report: what the registration looked like before deletion and after restore. */
import type { DomainInfo, RestoreReport } from "@/server/registry";
import type { Domain } from "@/generated/prisma/client";

export function restoreReport(domain: Domain, info: DomainInfo): RestoreReport {
  const data = `Domain ${domain.name}; registrant contact ${info.registrant ?? domain.registrantContactId ?? "n/a"}; name servers ${domain.nameservers.join(", ") || "none"}; expiry ${domain.expiresAt?.toISOString() ?? "n/a"}`;
  return {
    preData: data,
    postData: data,
    deletedAt: info.updatedAt ?? domain.updatedAt.toISOString(),
    restoredAt: new Date().toISOString(),
    reason: "Registrant error: the registrant asked to restore the name during its redemption period.",
    statements: [
      "The information in this report is true to the best of this registrar's knowledge, and this registrar acknowledges that intentionally supplying false information in this report shall constitute an incurable material breach of the Registry-Registrar Agreement.",
      "The restored name was not restored in order to assume the rights to use or sell the name for itself or for any third party.",
    ],
  };
}
