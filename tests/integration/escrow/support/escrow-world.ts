/**
 * Two resellers and their names in every state that matters to escrow: sponsored (active, expired, one
 * with privacy on) and not ours any more (transferred away, deleted) or not yet (being created), each
 * with contacts of its own, so a leak of the latter shows up as a name or a person in the deposit.
 * Rows are dated an hour back: the world existed before the first deposit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as openpgp from "openpgp";
import { db } from "@/server/db";
import type { DomainState } from "@/generated/prisma/enums";
import { generateDepositKeyPair } from "@/server/escrow/deposit-keys";
import { parseEscrowConfig } from "@/server/escrow/escrow-config";
import { createReseller } from "../../../support/factories";

export const IANA_ID = 9999;

function person(name: string, email: string, extra: Partial<{ organization: string; street2: string }> = {}) {
  return {
    name,
    email,
    phone: "+44.2071234567",
    street1: "12 Baker Street",
    city: "London",
    postalCode: "NW1 6XE",
    countryCode: "GB",
    ...extra,
  };
}

async function domain(
  resellerId: string,
  name: string,
  state: DomainState,
  contactId: string,
  extra: { privacy?: boolean; nameservers?: string[] } = {},
) {
  return db.domain.create({
    data: {
      resellerId,
      name,
      unicodeName: name,
      tld: name.split(".").pop()!,
      state,
      expiresAt: new Date("2027-03-01T10:00:00Z"),
      registeredAt: new Date("2025-03-01T10:00:00Z"),
      nameservers: extra.nameservers ?? ["ns1.dns-hosting.example", "ns2.dns-hosting.example"],
      privacy: extra.privacy ?? false,
      registrantContactId: contactId,
      techContactId: contactId,
      adminContactId: contactId,
    },
  });
}

export async function createEscrowWorld() {
  await db.registrar.create({
    data: {
      legalName: "Example Registrar Inc.",
      ianaId: IANA_ID,
      abuseEmail: "abuse@registrar.example",
      abusePhone: "+1.5555550100",
      rdapBaseUrl: "https://rdap.registrar.example/",
      resellerDisclosure: "Registered through Example Registrar Inc.",
    },
  });
  const acme = await createReseller({ slug: "acme" });
  const nimbus = await createReseller({ slug: "nimbus" });
  const contact = (resellerId: string, p: ReturnType<typeof person>) =>
    db.contact.create({ data: { resellerId, ...p } });

  const rita = await contact(
    acme.id,
    person("Rita Registrant", "rita@home.example", { organization: 'Rita\'s "Best", Bakery' }),
  );
  const sam = await contact(acme.id, person("Sam Secret", "sam@hidden.example", { street2: "Flat 3" }));
  const nina = await contact(nimbus.id, person("Nina Nimbus", "nina@cloud.example"));
  const gina = await contact(nimbus.id, person("Gina Gone", "gina@gone.example"));
  const dora = await contact(acme.id, person("Dora Deleted", "dora@dead.example"));
  const nora = await contact(nimbus.id, person("Nora New", "nora@new.example"));

  const bakery = await domain(acme.id, "bakery-escrow.com", "active", rita.id);
  const secret = await domain(acme.id, "secret-escrow.org", "active", sam.id, { privacy: true });
  const cloud = await domain(nimbus.id, "cloud-escrow.net", "expired", nina.id, {
    nameservers: [
      "ns1.cloud.example",
      "ns2.cloud.example",
      "ns3.cloud.example",
      "ns4.cloud.example",
      "ns5.cloud.example",
    ],
  });
  const gone = await domain(nimbus.id, "gone-escrow.com", "transferred_away", gina.id);
  const dead = await domain(acme.id, "dead-escrow.net", "deleted", dora.id);
  const fresh = await domain(nimbus.id, "new-escrow.io", "pending_create", nora.id);

  const hourAgo = new Date(Date.now() - 3_600_000);
  await db.$executeRaw`update "Domain" set "updatedAt" = ${hourAgo}`;
  await db.$executeRaw`update "Contact" set "updatedAt" = ${hourAgo}`;
  await db.$executeRaw`update "Reseller" set "updatedAt" = ${hourAgo}`;

  return {
    acme,
    nimbus,
    contacts: { rita, sam, nina, gina, dora, nora },
    domains: { bakery, secret, cloud, gone, dead, fresh },
  };
}

export type EscrowKeys = {
  signingKey: openpgp.PrivateKey;
  signerPublic: openpgp.PublicKey;
  agentKey: openpgp.PublicKey;
  agentPrivateKey: openpgp.PrivateKey;
  armored: { registrarPublic: string; agentPrivate: string };
};

let keysOnce: Promise<EscrowKeys> | undefined;

/** Throwaway keys made inside the test run: the registrar's deposit pair and a stand-in agent's pair. */
export function testKeys(): Promise<EscrowKeys> {
  keysOnce ??= (async () => {
    const registrar = await generateDepositKeyPair("Test registrar deposit", "escrow@registrar.test");
    const agent = await generateDepositKeyPair("Test escrow agent", "agent@escrow.test");
    return {
      signingKey: await openpgp.readPrivateKey({ armoredKey: registrar.privateKey }),
      signerPublic: await openpgp.readKey({ armoredKey: registrar.publicKey }),
      agentKey: await openpgp.readKey({ armoredKey: agent.publicKey }),
      agentPrivateKey: await openpgp.readPrivateKey({ armoredKey: agent.privateKey }),
      armored: { registrarPublic: registrar.publicKey, agentPrivate: agent.privateKey },
    };
  })();
  return keysOnce;
}

const madeDirs: string[] = [];

/** Settings with a fresh outbox folder; Sunday is the full-deposit day. */
export function testConfig() {
  const dir = mkdtempSync(path.join(tmpdir(), "escrow-test-"));
  madeDirs.push(dir);
  return parseEscrowConfig({ NODE_ENV: "test", ESCROW_DIR: dir, ESCROW_FULL_WEEKDAY: "0" });
}

/** Removes the folders (with their throwaway keys) the tests made. */
export function removeTestDirs() {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
