/**
 * A .bloom world for sunrise tests: the mock registry in process, frozen at the start of the test
 * run so SMDs signed "now" are valid at it (.bloom's sunrise runs from 10 days before its anchor
 * to 20 days after), and a reseller selling .bloom and TMCH marks.
 */
import { MockRegistry, RegistryAdmin } from "@/mock-registry";
import { createRegistryPort, type RegistryPort } from "@/server/registry";
import { buildRegistryRouter, setRegistryForTests } from "@/server/registry/access";
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
