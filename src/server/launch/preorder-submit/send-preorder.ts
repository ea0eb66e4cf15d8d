/**
 * One pre-order at the registry once its TLD is open to everyone: a domain create exactly as checkout's
 * (the `domain_register` provisioner: contact and hosts, the create, an uncertain earlier attempt
 * looked up first, a 2302 checked by sponsor). In claims, the notice accepted when the pre-order was
 * placed is sent again, dated now, only while the Clearinghouse's claim on the name is the one the
 * registrant accepted; a changed or new claim refuses the pre-order (the registrant has not seen it).
 */
import { buildClaimsNotice } from "@/server/domains/checkout/claims-notice";
import { provisioner as registerProvisioner } from "@/server/domains/provisioners/domain-register";
import type { ProvisionJob, ProvisionResult } from "@/server/orders/provisioner";
import { preorderDetailsSchema } from "@/server/launch/preorder/preorder-details";

export async function sendPreorder(job: ProvisionJob, phase: string): Promise<ProvisionResult> {
  const { item } = job;
  const d = preorderDetailsSchema.parse(item.details ?? {});
  let claims: { noticeId: string; notAfter: string; acceptedDate: string } | undefined;
  if (phase === "claims") {
    const port = job.registry.forDomain(item.subject);
    const { data } = await port.claimsCheck({ names: [item.subject] });
    const key = data.find((c) => c.name.toLowerCase() === item.subject)?.claimKey;
    if (key !== d.claimAccepted?.claimKey) {
      return {
        status: "failed",
        reason: key
          ? `${d.unicodeName} is now on the Trademark Clearinghouse's list with a claim you were not shown, so it was not registered.`
          : `${d.unicodeName}'s trademark claim changed before the registry opened, so it was not registered.`,
      };
    }
    if (key) {
      const notice = buildClaimsNotice(item.subject, key);
      claims = { noticeId: notice.noticeId, notAfter: notice.notAfter, acceptedDate: new Date().toISOString() };
    }
  }
  // The register provisioner reads its own fields of these details and ignores the pre-order's.
  return registerProvisioner({ ...job, item: { ...item, details: { ...d, claims } } });
}
