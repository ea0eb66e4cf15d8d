import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ResellerStatus } from "@/generated/prisma/enums";

let n = 0;

export type ResellerFixture = Awaited<ReturnType<typeof createReseller>>;

/**
 * A reseller with branding and its verified platform host `<slug>.localhost:3000`. Pass a distinct
 * slug when a test needs two recognisable resellers ("acme", "nimbus").
 */
export async function createReseller(
  opts: { slug?: string; displayName?: string; status?: ResellerStatus; host?: string } = {},
) {
  n += 1;
  const slug = opts.slug ?? `reseller-${n}-${randomUUID().slice(0, 6)}`;
  const host = opts.host ?? `${slug}.localhost:3000`;
  const displayName = opts.displayName ?? `${slug[0].toUpperCase()}${slug.slice(1)} Domains`;
  const reseller = await db.reseller.create({
    data: {
      slug,
      legalName: `${displayName} Ltd`,
      displayName,
      status: opts.status ?? "active",
      suspendedAt: opts.status === "suspended" ? new Date() : null,
      branding: { create: { supportEmail: `support@${slug}.example` } },
      hostNames: { create: { host, kind: "platform", verificationToken: randomUUID(), verifiedAt: new Date() } },
    },
  });
  return { ...reseller, host };
}

/** The one registrar row of a deployment. */
export async function ensureRegistrar() {
  return db.registrar.upsert({
    where: { id: "registrar" },
    update: {},
    create: {
      legalName: "Example Registrar Inc.",
      ianaId: 9999,
      abuseEmail: "abuse@registrar.example",
      abusePhone: "+1.5555550100",
      rdapBaseUrl: "http://localhost:3000/api/rdap/",
      resellerDisclosure: "Domains are registered through Example Registrar Inc., an ICANN-accredited registrar.",
    },
  });
}
