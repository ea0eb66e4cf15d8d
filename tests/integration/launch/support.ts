/**
 * A .bloom world for sunrise tests: the mock registry in process, frozen at the start of the test
 * run so SMDs signed "now" are valid at it (.bloom's sunrise runs from 10 days before its anchor
 * to 20 days after), and a reseller selling .bloom and TMCH marks.
 */
import { MockRegistry, RegistryAdmin } from "@/mock-registry";
import { createRegistryPort, type RegistryPort } from "@/server/registry";
import { buildRegistryRouter, getRegistry, setRegistryForTests } from "@/server/registry/access";
import type { ContactFields } from "@/lib/contact-rules";
import { clearCheckCache } from "@/server/domains/search/check-cache";
import { db } from "@/server/db";
import { createDomainCatalog, createDomainReseller, createRegistrant } from "../../support/factories";

export const REGISTRY_NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
export const DAY = 86_400_000;

export type SunriseRegistry = {
  registry: MockRegistry;
  admin: RegistryAdmin;
  rival: RegistryPort;
  close(): Promise<void>;
};

export function startSunriseRegistry(): SunriseRegistry {
  const registry = new MockRegistry({ dataDir: null, frozenAt: REGISTRY_NOW.toISOString() });
  const config = (clientId: string, password: string) => ({
    adapter: "inprocess" as const,
    registry,
    clientId,
    password,
    commandTimeoutMs: 5_000,
  });
  const platform = buildRegistryRouter(config("platform", "platform-dev-pass"), {
    bloom: "newgtld-sim",
    vista: "newgtld-sim",
  });
  const rival = createRegistryPort(config("rival", "rival-dev-pass"));
  setRegistryForTests(platform.router, "platform");
  clearCheckCache();
  return {
    registry,
    admin: new RegistryAdmin(registry),
    rival,
    close: async () => {
      setRegistryForTests(null);
      await platform.close();
      await rival.close();
    },
  };
}

/** The .bloom product at the registry's standard price and the TMCH mark product, and a funded reseller. */
export async function sunriseWorld(balance = 1_000_000) {
  await createDomainCatalog(["bloom", "vista"]);
  await db.product.create({
    data: {
      kind: "tmch",
      code: "tmch-mark",
      name: "Trademark Clearinghouse mark",
      maxPeriod: 5,
      registryCosts: { create: [{ operation: "register", amount: 15_000 }] },
    },
  });
  const reseller = await createDomainReseller({
    wholesale: { bloom: 1_500, vista: 1_500, "tmch-mark": 18_000 },
    balance,
  });
  const customer = await createRegistrant(reseller.id, { email: "brand@bloom.example" });
  return { reseller, customer };
}

/** New registrant details, as typed into a sunrise or landrush form. */
export const APPLICANT: ContactFields = {
  name: "Bea Bloom",
  organization: "Bloom & Co",
  email: "bea@bloom.example",
  phone: "+44.2071234567",
  street1: "1 Garden Row",
  street2: "",
  city: "London",
  state: "",
  postalCode: "N1 9GU",
  countryCode: "GB",
};

/**
 * Who the registry and the platform have as the name's registrant: the registry's registrant, admin
 * and tech handles with the registrant contact's email there, and the Domain row's contacts.
 */
export async function registrantOf(name: string) {
  const port = (await getRegistry()).forDomain(name);
  const { data } = await port.infoDomain({ name, hosts: "none" });
  const atRegistry = data.registrant ? (await port.infoContact({ id: data.registrant })).data : null;
  const domain = await db.domain.findUniqueOrThrow({
    where: { name },
    select: { registrantContactId: true, adminContactId: true, techContactId: true },
  });
  return {
    registry: {
      registrant: data.registrant,
      admin: data.contacts.find((c) => c.type === "admin")?.id,
      tech: data.contacts.find((c) => c.type === "tech")?.id,
      email: atRegistry?.email,
    },
    domain,
  };
}
