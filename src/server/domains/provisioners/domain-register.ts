/**
 * Provisioner for `domain_register`: registrant contact and nameserver hosts at the registry, then the
 * domain create with a fresh auth code, the claims acknowledgement when the name is in claims, and the
 * agreed fee for premium names. After an uncertain attempt it asks the registry first: a create that
 * took effect before its answer was lost is recognised (sponsored by us, not a name we already
 * had) and finished without a second create.
 */
import { systemContext } from "@/server/context";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { EppError, type DomainInfo, type RegistryPort } from "@/server/registry";
import { registryClientId } from "@/server/registry/access";
import { encryptAuthCode, generateAuthCode } from "@/server/domains/manage/auth-code";
import { registerDetailsSchema, type RegisterDetails } from "@/server/domains/provisioners/item-details";
import { registryContactsFor } from "@/lib/contact-rules";
import type { ProvisionItem, Provisioner } from "@/server/orders/provisioner";
import { ensureContact, ensureHosts } from "./registry-objects";
import { ensureProxyAt } from "./proxy-object";
import { writeActiveDomain } from "./write-domain";

/**
 * A create that an earlier attempt made: sponsored by us, and not a name we already managed before
 * this order (registry clocks may differ from ours, so dates are not compared).
 */
async function earlierCreate(port: RegistryPort, name: string): Promise<DomainInfo | null | "theirs"> {
  try {
    const { data } = await port.infoDomain({ name, hosts: "none" });
    if (data.sponsor !== (await registryClientId())) return "theirs";
    const known = await db.domain.findUnique({ where: { name }, select: { state: true } });
    return known && known.state !== "deleted" && known.state !== "transferred_away" ? "theirs" : data;
  } catch (e) {
    if (e instanceof EppError && e.code === 2303) return null;
    throw e;
  }
}

type ProxyPlaced = { registry: string; handle: string } | null;

const operatorOf = (item: ProvisionItem) => item.product.registryOperator ?? item.product.code;

async function createInputs(port: RegistryPort, item: ProvisionItem, d: RegisterDetails) {
  const operator = operatorOf(item);
  const policy = registryContactsFor(item.product.code);
  let contacts: { registrant?: string; contacts?: { type: "admin" | "tech"; id: string }[] } = {};
  let proxy: ProxyPlaced = null;
  if (policy !== "prohibited" && d.contactId) {
    const handle = await ensureContact(port, operator, d.contactId);
    // Privacy bought with the name: the service is registrant and technical contact from the create on,
    // as the manage toggle would leave it; admin keeps the customer's object (RDAP shows neither).
    if (d.privacy) proxy = { registry: operator, handle: await ensureProxyAt(port, operator) };
    const shown = proxy?.handle ?? handle;
    contacts = {
      registrant: shown,
      contacts: [
        { type: "admin", id: handle },
        { type: "tech", id: shown },
      ],
    };
  }
  await ensureHosts(port, d.nameservers);
  return { contacts, proxy };
}

/** The proxy an earlier, lost create put in place, when privacy was bought. */
async function earlierProxy(item: ProvisionItem, d: RegisterDetails, registrant?: string): Promise<ProxyPlaced> {
  if (!d.privacy || !registrant) return null;
  const known = await db.privacyProxyObject.findUnique({ where: { registry: operatorOf(item) } });
  return known?.handle === registrant ? { registry: known.registry, handle: known.handle } : null;
}

/** The result for a name an earlier attempt created (or a refusal if someone else holds it); null if absent. */
async function adoptEarlierCreate(port: RegistryPort, item: ProvisionItem, d: RegisterDetails, authInfo: string) {
  const earlier = await earlierCreate(port, item.subject);
  if (earlier === "theirs")
    return {
      status: "failed" as const,
      reason: `${d.unicodeName} was registered by someone else before our order reached the registry.`,
    };
  if (!earlier) return null;
  // We cannot read back the code the lost create set, so set a new one we know.
  await port.updateDomain({ name: item.subject, authInfo });
  return done(item, d, {
    authInfo,
    roid: earlier.roid,
    createdAt: earlier.createdAt,
    expiresAt: earlier.expiresAt,
    nameservers: earlier.nameservers ?? d.nameservers,
    registrantHandle: earlier.registrant,
    proxy: await earlierProxy(item, d, earlier.registrant),
  });
}

export const provisioner: Provisioner = async (job) => {
  const { item } = job;
  const d = registerDetailsSchema.parse(item.details ?? {});
  const port = job.registry.forDomain(item.subject);
  const authInfo = generateAuthCode();

  // After an attempt whose outcome is unknown, ask the registry before creating again.
  if (job.uncertain) {
    const found = await adoptEarlierCreate(port, item, d, authInfo);
    if (found) return found;
  }

  // A TLD that requires DNSSEC refuses a delegation without DS data: register it undelegated, and the
  // registrant adds DS records and nameservers together afterwards.
  const nameservers = item.product.dnssec === "required" ? [] : d.nameservers;
  const { contacts, proxy } = await createInputs(port, item, { ...d, nameservers });
  let created;
  try {
    created = await port.createDomain({
      name: item.subject,
      years: item.period,
      ...contacts,
      nameservers,
      authInfo,
      fee: item.premium && d.premiumFeeUsd ? { amount: d.premiumFeeUsd, currency: "USD" } : undefined,
      launch: d.claims ? { phase: "claims", notice: d.claims } : undefined,
    });
  } catch (e) {
    // 2302 "exists": maybe ours, from an attempt whose answer never reached us. The sponsor decides.
    if (!(e instanceof EppError && e.code === 2302)) throw e;
    const found = await adoptEarlierCreate(port, item, d, authInfo);
    if (found) return found;
    throw e;
  }
  const charged = created.data.fee?.fees
    .filter((f) => f.currency === item.registryCurrency)
    .reduce((s, f) => s + f.amount, 0);
  return done(item, d, {
    authInfo,
    createdAt: created.data.createdAt,
    expiresAt: created.data.expiresAt,
    nameservers,
    registrantHandle: contacts.registrant,
    registryCost: charged || undefined,
    proxy,
  });
};

export function done(
  item: ProvisionItem,
  d: RegisterDetails,
  r: {
    authInfo: string;
    roid?: string;
    createdAt?: string;
    expiresAt?: string;
    nameservers: string[];
    registrantHandle?: string;
    registryCost?: number;
    proxy?: ProxyPlaced;
  },
) {
  const expiresAt = r.expiresAt ? new Date(r.expiresAt) : new Date(Date.now() + item.period * 365 * 86_400_000);
  return {
    status: "completed" as const,
    message: `Registered until ${expiresAt.toISOString().slice(0, 10)}.`,
    registryCost: r.registryCost,
    commit: async (tx: Parameters<NonNullable<import("@/server/orders/provisioner").CommitStep>>[0]) => {
      const domain = await writeActiveDomain(tx, item, {
        unicodeName: d.unicodeName,
        roid: r.roid ?? null,
        registeredAt: r.createdAt ? new Date(r.createdAt) : new Date(),
        expiresAt,
        privacy: d.privacy,
        nameservers: r.nameservers,
        authInfoEnc: encryptAuthCode(r.authInfo),
        contactId: d.contactId,
      });
      if (r.proxy) await recordProxy(tx, domain.id, item.resellerId, r.proxy);
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
          claimsNotice: d.claims?.noticeId ?? null,
          privacyProxy: r.proxy?.handle ?? null,
        },
      });
    },
  };
}

/** Where the proxy stands in for the customer, so turning privacy off later puts the customer back. */
async function recordProxy(tx: Tx, domainId: string, resellerId: string, proxy: NonNullable<ProxyPlaced>) {
  const placed = { registry: proxy.registry, proxyHandle: proxy.handle, enabledAt: new Date() };
  await tx.privacyProxyDomain.upsert({
    where: { domainId },
    create: { domainId, resellerId, relayToken: randomBytes(9).toString("base64url"), ...placed },
    update: placed,
  });
}
