/**
 * Moves one certificate request as far as it can go now: places the CA order (or asks about the one
 * placed), gets domain control validated, and reports issued, still waiting (and for what), or
 * refused. The provisioner runs it on the first attempt and the poll job afterwards.
 *
 * Placing is idempotent on the request's externalId at the CA (the stand-in keeps it; the ACME
 * adapter's order memory is these rows), so after an attempt whose answer was lost, placing again is
 * asking: it returns the order that attempt made. The CA order id is written as soon as it is known.
 */
import { db } from "@/server/db";
import type { CertificateRequestState, Prisma } from "@/generated/prisma/client";
import { dnsResolver } from "@/server/dns/dns-resolver";
import { certificateAuthority } from "@/server/ssl/authority/certificate-authority";
import {
  CaError,
  type CaOrder,
  type CertificateAuthorityPort,
  type CertificateOrderRequest,
  type PerItem,
  type DcvChallenge,
  type DcvMethod,
  type IssuedCertificate,
  type Organisation,
  type ValidationLevel,
} from "@/server/ssl/ca/port";
import { dcvPublisher, platformServesDns } from "./platform-dcv";
import type { DcvEntry } from "./dcv-entry";

/** What the CA said about an issued order, for a caller that writes it with the recording (`deferIssued`). */
export type IssuedOrder = { caOrderId: string; dcv: DcvEntry[] };

export type RequestProgress =
  | { kind: "issued"; certificate: IssuedCertificate; order?: IssuedOrder }
  | { kind: "waiting"; message: string }
  | { kind: "rejected"; reason: string };

// Issued and rejected are written by whoever settles the item (with the certificate, or the refund), in
// one transaction: until then the request stays where the poll looks for it.
const STATE_OF: Record<CaOrder["state"], CertificateRequestState> = {
  pending_validation: "pending_dcv",
  pending_approval: "processing",
  processing: "processing",
  issued: "processing",
  rejected: "processing",
};

export type LoadedRequest = Prisma.CertificateRequestGetPayload<{ include: { subscription: true } }>;

/** The CA order a request asks for (placing it again by externalId finds the first). */
export function orderRequestOf(r: LoadedRequest): CertificateOrderRequest {
  return {
    externalId: r.externalId,
    csrPem: r.csrPem,
    names: r.names,
    level: r.subscription.level as ValidationLevel,
    dcvMethod: r.dcvMethod as DcvMethod,
    dcvEmail: (r.dcvEmail as Record<string, string> | null) ?? undefined,
    organisation: (r.subscription.organisation as Organisation | null) ?? undefined,
    validityDays: r.validityDays,
  };
}

async function placeOrAsk(ca: CertificateAuthorityPort, r: LoadedRequest, placed?: PerItem<CaOrder>): Promise<CaOrder> {
  if (r.caOrderId) return ca.getOrder(r.caOrderId);
  if (placed && !placed.ok) throw placed.error;
  const order = placed ? placed.value : await ca.placeOrder(orderRequestOf(r));
  // From here on the next run asks about this order instead of placing one. DCV makes more CA calls
  // first, so the id is written now; otherwise advanceRequest's own update, next with nothing between
  // that can fail, writes it (a reissue whose DCV is reused saves a statement).
  if (order.state === "pending_validation")
    await db.certificateRequest.update({
      where: { id: r.id },
      data: { caOrderId: order.caOrderId, state: STATE_OF[order.state] },
    });
  return order;
}

async function txtVisible(name: string, value: string): Promise<boolean> {
  try {
    return (await dnsResolver().lookupTxt(name)).includes(value);
  } catch {
    return false;
  }
}

async function httpFileVisible(c: DcvChallenge): Promise<boolean> {
  try {
    const res = await fetch(`http://${c.name}${c.httpPath}`, { signal: AbortSignal.timeout(5_000) });
    return res.ok && (await res.text()).trim() === (c.httpBody ?? "").trim();
  } catch {
    return false;
  }
}

/** Publishes what the platform may publish, then confirms each challenge whose proof is in place. */
async function runDcv(
  ca: CertificateAuthorityPort,
  r: LoadedRequest,
  order: CaOrder,
): Promise<{ order: CaOrder; dcv: DcvEntry[] }> {
  const before = new Map(((r.dcv as DcvEntry[] | null) ?? []).map((d) => [`${d.name}|${d.dnsRecordValue ?? ""}`, d]));
  const owner = { resellerId: r.resellerId, registrantId: r.subscription.registrantId };
  const publisher = dcvPublisher();
  const dcv: DcvEntry[] = [];
  for (const c of order.challenges) {
    const earlier = before.get(`${c.name}|${c.dnsRecordValue ?? ""}`);
    const ours = c.method === "dns-txt" && publisher !== null && (await platformServesDns(owner, c.name));
    const entry: DcvEntry = { ...c, publishedBy: ours ? "platform" : "registrant", published: earlier?.published };
    // A name and its wildcard share one record name: every record is published before any is confirmed.
    if (ours && c.state === "pending" && !earlier?.published && c.dnsRecordName && c.dnsRecordValue) {
      await publisher.setTxt(c.dnsRecordName, c.dnsRecordValue);
      entry.published = new Date().toISOString();
    }
    dcv.push(entry);
  }
  let current = order;
  for (const entry of dcv) {
    if (entry.state !== "pending") continue;
    const ready =
      entry.method === "dns-txt"
        ? Boolean(entry.published) || (await txtVisible(entry.dnsRecordName ?? "", entry.dnsRecordValue ?? ""))
        : entry.method === "http-file"
          ? await httpFileVisible(entry)
          : false; // email: the CA waits for the approver's click
    if (!ready) continue;
    current = await ca.confirmChallenge(order.caOrderId, entry.name);
  }
  const after = new Map(current.challenges.map((c) => [c.name, c]));
  return {
    order: current,
    dcv: dcv.map((d) => ({ ...d, state: after.get(d.name)?.state ?? d.state, error: after.get(d.name)?.error })),
  };
}

function waitingMessage(order: CaOrder, dcv: DcvEntry[]): string {
  if (order.state === "pending_approval") return "Validated; waiting for the certificate authority's approval.";
  if (order.state === "processing") return "Validated; the certificate authority is signing.";
  if (order.organisationState === "pending") return "Waiting for the certificate authority to verify the organisation.";
  const open = dcv.filter((d) => d.state !== "valid");
  const platform = open.filter((d) => d.publishedBy === "platform").map((d) => d.name);
  const theirs = open.filter((d) => d.publishedBy !== "platform").map((d) => d.name);
  if (theirs.length) return `Waiting for domain control validation of ${theirs.join(", ")}.`;
  return `Waiting for the certificate authority to check the DNS records we published for ${platform.join(", ")}.`;
}

async function clearPublished(dcv: DcvEntry[]): Promise<void> {
  const publisher = dcvPublisher();
  if (!publisher) return;
  for (const d of dcv)
    if (d.publishedBy === "platform" && d.published && d.dnsRecordName && d.dnsRecordValue)
      // A record left behind is harmless and the CA no longer reads it: clearing is best effort.
      await publisher.clearTxt(d.dnsRecordName, d.dnsRecordValue).catch(() => undefined);
}

/**
 * `loaded`: the request with its subscription as the caller just read it (a bulk run reads a chunk at once).
 * `deferIssued`: when the CA issued, the request is not written here but its order id and DCV are returned
 * for the caller to write with the recorded certificate (a bulk run's chunk, one statement for all); should
 * the caller fail first, placing again with the same externalId finds the issued order.
 * `placed`: this request's answer from a batch placement (`placeOrders`), used instead of placing it
 * alone; ignored once the request has a CA order id (then the order is asked about, as ever).
 */
export async function advanceRequest(
  requestId: string,
  loaded?: LoadedRequest,
  opts: { deferIssued?: boolean; placed?: PerItem<CaOrder> } = {},
): Promise<RequestProgress> {
  const r =
    loaded?.id === requestId
      ? loaded
      : await db.certificateRequest.findUniqueOrThrow({ where: { id: requestId }, include: { subscription: true } });
  const ca = certificateAuthority();
  if (r.caAdapter !== ca.name)
    throw new CaError("unavailable", `This request was made at ${r.caAdapter}, but the platform now uses ${ca.name}.`);
  let order: CaOrder;
  try {
    order = await placeOrAsk(ca, r, opts.placed);
  } catch (e) {
    // The CA looked at the request and said no (a name it will not certify, a product rule): final.
    if (e instanceof CaError && e.code === "refused" && !r.caOrderId) return { kind: "rejected", reason: e.message };
    throw e;
  }
  let dcv = ((r.dcv as DcvEntry[] | null) ?? []) as DcvEntry[];
  if (order.state === "pending_validation") ({ order, dcv } = await runDcv(ca, r, order));
  else dcv = order.challenges.map((c) => ({ ...c, publishedBy: "registrant", ...dcvOf(r, c.name) }));
  if (opts.deferIssued && order.state === "issued" && order.certificate) {
    await clearPublished(dcv);
    return { kind: "issued", certificate: order.certificate, order: { caOrderId: order.caOrderId, dcv } };
  }
  await db.certificateRequest.update({
    where: { id: r.id },
    data: {
      caOrderId: order.caOrderId,
      state: STATE_OF[order.state],
      dcv: dcv as unknown as Prisma.InputJsonValue,
      lastPolledAt: new Date(),
      rejectionReason:
        order.state === "rejected" ? (order.rejectionReason ?? "Refused by the certificate authority.") : null,
    },
  });
  if (order.state === "issued" && order.certificate) {
    await clearPublished(dcv);
    return { kind: "issued", certificate: order.certificate };
  }
  if (order.state === "rejected")
    return { kind: "rejected", reason: order.rejectionReason ?? "The certificate authority refused the order." };
  return { kind: "waiting", message: waitingMessage(order, dcv) };
}

/** What we knew of a challenge before (who published it), kept when the CA no longer lists it as pending. */
function dcvOf(r: LoadedRequest, name: string): Partial<DcvEntry> {
  const known = ((r.dcv as DcvEntry[] | null) ?? []).find((d) => d.name === name);
  return known ? { publishedBy: known.publishedBy, published: known.published } : {};
}
