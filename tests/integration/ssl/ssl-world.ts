/**
 * What the certificate tests against the CA stand-in share: the stand-in running in this process as
 * the platform's CA (reading the platform's local DNS table), the DV product, a funded reseller with a
 * customer and an owner, names held on the platform's nameservers, and a certificate bought and paid at
 * the storefront.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startCaStandIn, type RunningCaStandIn } from "@/ca-standin/index";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import type { ActorContext } from "@/server/context";
import { localDnsResolver } from "@/server/dns/local-adapter";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { setCertificateAuthorityForTests } from "@/server/ssl/authority/certificate-authority";
import { standInCertificateAuthority, type StandInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { placeSslOrder } from "@/server/ssl/ordering/place-ssl-order";
import { createRegistrant, createReseller, createStaff, fundReseller } from "../../support/factories";
import { makeCsr, removeTempDirs, tempDir } from "./standin-helpers";

/** The platform's nameservers: the platform publishes DCV records itself for a name on them. */
export const OURS = ["ns1.dns-hosting.example", "ns2.dns-hosting.example"];

/**
 * Starts the CA stand-in for the file's tests on `port` and makes it the platform's CA; faults set by
 * one test are cleared after it. Read `running` and `ca` inside tests (they exist once beforeAll ran).
 */
export function caStandInForThisFile(port: number, stateName: string) {
  let running: RunningCaStandIn | null = null;
  let ca: StandInCertificateAuthority | null = null;
  beforeAll(async () => {
    await queue();
    running = await startCaStandIn({ port, stateDir: tempDir(stateName), resolver: localDnsResolver(db) });
    ca = standInCertificateAuthority({ baseUrl: running.url });
    setCertificateAuthorityForTests(ca);
  });
  afterEach(() => running?.faults.clear());
  afterAll(async () => {
    setCertificateAuthorityForTests(null);
    await running?.close();
    removeTempDirs();
  });
  const started = <T>(v: T | null): T => {
    if (v === null) throw new Error("the CA stand-in starts in beforeAll");
    return v;
  };
  return {
    get running() {
      return started(running);
    },
    get ca() {
      return started(ca);
    },
  };
}

const DV_SINGLE = { level: "dv", coverage: "single", sanCount: 1 };

/** An SSL product the registry side costs 800 for; the DV single-name one unless told otherwise. */
export function createSslProduct(
  code = "ssl-dv-single",
  details: { level: string; coverage: string; sanCount: number } = DV_SINGLE,
  name = "DV certificate (single name)",
) {
  return db.product.create({
    data: {
      kind: "ssl",
      code,
      name,
      maxPeriod: 5,
      details,
      registryCosts: { create: [{ operation: "register", amount: 800 }] },
    },
  });
}

/** A reseller funded on `tierId` at a 50 % markup, one of its customers and its owner. */
export async function sslTenant(tierId: string) {
  const reseller = await createReseller();
  await fundReseller(reseller.id, tierId, 50_000, { markupKind: "percent", markupValue: 5_000, rounding: "none" });
  const customer = await createRegistrant(reseller.id);
  const owner = await createStaff(reseller.id, "owner");
  return { reseller, customer, owner };
}

/** A name the registrant holds with us for a year, on the platform's nameservers unless told otherwise. */
export async function heldName(resellerId: string, registrantId: string, nameservers = OURS): Promise<string> {
  const name = `shop-${randomUUID().slice(0, 8)}.com`;
  await db.domain.create({
    data: {
      resellerId,
      registrantId,
      name,
      unicodeName: name,
      tld: "com",
      state: "active",
      registeredAt: new Date(),
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
      nameservers,
    },
  });
  return name;
}

/** The registrant orders a DV certificate and pays at the storefront; the ssl_issue item's id. */
export async function buyCertificate(
  ctx: ActorContext,
  resellerId: string,
  order: { names: string[]; csrPem?: string; years?: number },
): Promise<string> {
  const placed = await placeSslOrder(ctx, {
    resellerId,
    idempotencyKey: `ssl-${randomUUID()}`,
    productCode: "ssl-dv-single",
    years: order.years ?? 1,
    csrPem: order.csrPem ?? (await makeCsr(order.names)).csrPem,
  });
  const checkout = await startOrderCheckout(ctx, { orderId: placed.order.id, storefrontOrigin: "http://shop.test" });
  await db.$transaction((tx) => confirmPayment(tx, checkout.paymentId, `pi_${placed.order.id}`));
  return placed.order.items[0].id;
}

/** The engine's first attempt at a paid item; the certificate subscription it made. */
export async function issueNow(itemId: string): Promise<string> {
  await attemptItem(itemId, "job");
  return (await db.certificateSubscription.findUniqueOrThrow({ where: { orderItemId: itemId } })).id;
}
