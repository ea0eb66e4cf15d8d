/**
 * Tenancy demo data: the registrar, its staff, two resellers with clearly different branding, an
 * owner and a registrant each, and one application waiting for a decision.
 */
import type { Db } from "../../src/server/db";
import { hashPassword } from "../../src/server/auth/password";
import { env } from "../../src/env";
import { RESELLER_AGREEMENT_VERSION } from "../../src/lib/reseller-agreement";
import { sealSecret } from "../../src/server/crypto/sealed-secret";
import { DEMO_RESELLERS, DEMO_TOTP_SECRETS, type DemoReseller } from "./tenancy-data";

/** One password for every demo account; development and tests only. */
export const DEMO_PASSWORD = "demo-password-123";

export const demoSignIns: { email: string; role: string; where: string }[] = [
  { email: "admin@registrar.test", role: "registrar admin", where: "registrar console" },
  { email: "auditor@registrar.test", role: "registrar auditor", where: "registrar console (read-only)" },
  { email: "owner@acme.test", role: "Acme owner", where: "reseller console" },
  { email: "owner@nimbus.test", role: "Nimbus owner", where: "reseller console" },
  { email: "jane@example.com", role: "registrant", where: "Acme storefront" },
  { email: "sam@example.com", role: "registrant", where: "Nimbus storefront" },
];

/** Demo staff get their fixed TOTP secret (turned on) unless they already have a second factor. */
async function upsertUser(db: Db, email: string, name: string, passwordHash: string) {
  const user = await db.user.upsert({ where: { email }, create: { email, name, passwordHash }, update: {} });
  const totp = DEMO_TOTP_SECRETS[email];
  if (totp)
    await db.user.updateMany({
      where: { id: user.id, totpEnabledAt: null },
      data: { totpSecret: sealSecret(totp), totpEnabledAt: new Date(), totpLastStep: null },
    });
  return user;
}

/** Memberships of the registrar have no resellerId, which a compound upsert cannot match on. */
async function ensureMembership(
  db: Db,
  userId: string,
  resellerId: string | null,
  role: "owner" | "registrar_admin" | "registrar_auditor",
) {
  const existing = await db.membership.findFirst({ where: { userId, resellerId } });
  if (!existing) await db.membership.create({ data: { userId, resellerId, role } });
}

async function seedRegistrar(db: Db, passwordHash: string) {
  const { PUBLIC_SCHEME, CONSOLE_HOST } = env();
  const registrar = {
    legalName: "Example Registrar, Inc.",
    ianaId: 9999,
    abuseEmail: "abuse@registrar.test",
    abusePhone: "+1.5555550100",
    rdapBaseUrl: `${PUBLIC_SCHEME}://${CONSOLE_HOST}/rdap/`,
    resellerDisclosure:
      "Domain names on this site are registered through Example Registrar, Inc. (IANA ID 9999), the sponsoring registrar. This storefront is operated by an independent reseller of Example Registrar, Inc., which remains responsible for the registrations it sponsors.",
  };
  await db.registrar.upsert({ where: { id: "registrar" }, create: { id: "registrar", ...registrar }, update: {} });
  const admin = await upsertUser(db, "admin@registrar.test", "Riley Admin", passwordHash);
  await ensureMembership(db, admin.id, null, "registrar_admin");
  const auditor = await upsertUser(db, "auditor@registrar.test", "Avery Auditor", passwordHash);
  await ensureMembership(db, auditor.id, null, "registrar_auditor");
}

async function seedReseller(db: Db, r: DemoReseller, passwordHash: string) {
  const host = `${r.slug}.${env().STOREFRONT_BASE_DOMAIN}`;
  const reseller = await db.reseller.upsert({
    where: { slug: r.slug },
    create: { slug: r.slug, legalName: r.legalName, displayName: r.displayName },
    update: {},
  });
  await db.resellerBranding.upsert({
    where: { resellerId: reseller.id },
    create: { resellerId: reseller.id, ...r.branding },
    update: {},
  });
  await db.hostName.upsert({
    where: { resellerId_host: { resellerId: reseller.id, host } },
    create: {
      resellerId: reseller.id,
      host,
      kind: "platform",
      verificationToken: `platform:${r.slug}`,
      verifiedAt: new Date(),
    },
    update: {},
  });
  const owner = await upsertUser(db, r.owner.email, r.owner.name, passwordHash);
  await ensureMembership(db, owner.id, reseller.id, "owner");
  await db.registrant.upsert({
    where: { resellerId_email: { resellerId: reseller.id, email: r.registrant.email } },
    create: { resellerId: reseller.id, email: r.registrant.email, name: r.registrant.name, passwordHash },
    update: {},
  });
}

async function seedPendingApplication(db: Db) {
  const exists = await db.resellerApplication.findFirst({ where: { desiredSlug: "orbit" } });
  if (exists) return;
  await db.resellerApplication.create({
    data: {
      companyName: "Orbit Web Services Ltd",
      desiredSlug: "orbit",
      contactName: "Olivia Orbit",
      contactEmail: "olivia@orbit.test",
      contactPhone: "+44 20 7946 0000",
      country: "GB",
      website: "https://orbit.test",
      expectedVolume: 250,
      agreementVersion: RESELLER_AGREEMENT_VERSION,
      acceptedAt: new Date(),
    },
  });
}

export async function seed(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await seedRegistrar(db, passwordHash);
  for (const r of DEMO_RESELLERS) await seedReseller(db, r, passwordHash);
  await seedPendingApplication(db);
}
