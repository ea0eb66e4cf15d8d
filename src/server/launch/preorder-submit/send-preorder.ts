/**
 * One pre-order at the registry once its TLD is open to everyone. In claims, the notice accepted when
 * the pre-order was placed is sent again, dated now, only while the Clearinghouse's claim on the name
 * is the one the registrant accepted; a changed or new claim refuses the pre-order (the registrant has
 * not seen it). The claims were asked for the whole batch before the first create (one check per 50
 * names, `claimKeysOf`).
 *
 * A pre-order whose contact and hosts were made when it was queued (`prepared`) and whose earlier
 * create, if any, was answered is exactly one command: the domain create, sent through the bare port
 * and recorded by the caller with the batch's settle. Anything else goes through checkout's create
 * (the `domain_register` provisioner: contact and hosts, an uncertain earlier attempt looked up
 * first, a 2302 checked by sponsor), with every command recorded as it is sent.
 */
import { buildClaimsNotice } from "@/server/domains/checkout/claims-notice";
import { done, provisioner as registerProvisioner } from "@/server/domains/provisioners/domain-register";
import { generateAuthCode } from "@/server/domains/manage/auth-code";
import { systemContext } from "@/server/context";
import { EppError, type RegistryPort } from "@/server/registry";
import { answered, failed, recordOperation, type OperationRecord } from "@/server/registry/access/record-operation";
import type { ProvisionJob, ProvisionResult } from "@/server/orders/provisioner";
import { preorderDetailsSchema, type PreorderDetails } from "@/server/launch/preorder/preorder-details";

const CHECK_MAX = 50;

/** The claim key on each name now (null: no claim), asked 50 names a command. */
export async function claimKeysOf(port: RegistryPort, names: string[]): Promise<Map<string, string | null>> {
  const keys = new Map<string, string | null>();
  for (let i = 0; i < names.length; i += CHECK_MAX) {
    const { data } = await port.claimsCheck({ names: names.slice(i, i + CHECK_MAX) });
    for (const c of data) keys.set(c.name.toLowerCase(), c.claimKey ?? null);
  }
  return keys;
}

type Claims = { noticeId: string; notAfter: string; acceptedDate: string };

/** The notice to send with the create, or the reason the pre-order cannot go: its claim changed. */
function claimsFor(subject: string, d: PreorderDetails, key: string | null): Claims | undefined | { refused: string } {
  if (key !== (d.claimAccepted?.claimKey ?? null))
    return {
      refused: key
        ? `${d.unicodeName} is now on the Trademark Clearinghouse's list with a claim you were not shown, so it was not registered.`
        : `${d.unicodeName}'s trademark claim changed before the registry opened, so it was not registered.`,
    };
  if (!key) return undefined;
  const notice = buildClaimsNotice(subject, key);
  return { noticeId: notice.noticeId, notAfter: notice.notAfter, acceptedDate: new Date().toISOString() };
}

export type Sending = {
  job: ProvisionJob;
  phase: string;
  /** The claim key on the name now (claims phase only); undefined when it was not asked. */
  claimKey?: string | null;
  /** The unrecorded port, for the one-command path. */
  bare: RegistryPort;
};

/** The result, and for the one-command path the answered create the caller records. */
export type Sent = { result: ProvisionResult; record?: OperationRecord };

function aboutCreate(job: ProvisionJob, input: object) {
  const { item } = job;
  return {
    resellerId: item.resellerId,
    domainName: item.subject,
    operation: "createDomain" as const,
    actor: systemContext(item.resellerId),
    orderItemId: item.id,
    detail: input,
  };
}

export async function sendPreorder({ job, phase, claimKey, bare }: Sending): Promise<Sent> {
  const { item } = job;
  const d = preorderDetailsSchema.parse(item.details ?? {});
  let claims: Claims | undefined;
  if (phase === "claims") {
    const key =
      claimKey !== undefined
        ? claimKey
        : ((await claimKeysOf(job.registry.forDomain(item.subject), [item.subject])).get(item.subject) ?? null);
    const c = claimsFor(item.subject, d, key);
    if (c && "refused" in c) return { result: { status: "failed", reason: c.refused } };
    claims = c;
  }
  if (d.prepared && !job.uncertain) {
    const p = d.prepared;
    const authInfo = generateAuthCode();
    const contacts = p.registrant
      ? {
          registrant: p.registrant,
          contacts: [
            { type: "admin" as const, id: p.registrant },
            { type: "tech" as const, id: p.registrant },
          ],
        }
      : {};
    const input = {
      name: item.subject,
      years: item.period,
      ...contacts,
      nameservers: p.nameservers,
      authInfo,
      launch: claims ? { phase: "claims" as const, notice: claims } : undefined,
    };
    let created;
    try {
      created = await bare.createDomain(input);
    } catch (e) {
      // A failure is rare and recorded at once; a success is recorded with the batch's settle.
      const outcome = failed(e);
      if (outcome) await recordOperation({ ...aboutCreate(job, input), ...outcome });
      // 2302 "exists": ours from an earlier pre-order for the name, or someone else's. The sponsor decides.
      if (e instanceof EppError && e.code === 2302)
        return sendPreorder({ job: { ...job, uncertain: true }, phase, claimKey, bare });
      throw e;
    }
    const charged = created.data.fee?.fees
      .filter((f) => f.currency === item.registryCurrency)
      .reduce((s, f) => s + f.amount, 0);
    const result = done(
      item,
      { ...d, claims },
      {
        authInfo,
        createdAt: created.data.createdAt,
        expiresAt: created.data.expiresAt,
        nameservers: p.nameservers,
        registrantHandle: p.registrant,
        registryCost: charged || undefined,
      },
    );
    return { result, record: { ...aboutCreate(job, input), ...answered(created) } };
  }
  // The register provisioner reads its own fields of these details and ignores the pre-order's.
  return { result: await registerProvisioner({ ...job, item: { ...item, details: { ...d, claims } } }) };
}
