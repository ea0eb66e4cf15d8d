/**
 * The parts of the platform the status page reports on, with the words it shows for each: the fixed
 * ones, and one per registry connection (a registry operator of the catalogue, named by its TLDs so
 * the page never shows an internal operator code or host).
 */
import { db } from "@/server/db";

export type StatusComponent = { key: string; label: string };

export const FIXED_COMPONENTS: readonly StatusComponent[] = [
  { key: "storefronts", label: "Storefronts" },
  { key: "consoles", label: "Reseller and registrar consoles" },
  { key: "payments", label: "Payments" },
  { key: "mail", label: "Email notifications" },
];

export const REGISTRY_PREFIX = "registry:";

export type RegistryConnection = StatusComponent & { operator: string; tlds: string[] };

/** One entry per registry operator in the catalogue; TLDs sorted so the label stays the same. */
export async function registryConnections(): Promise<RegistryConnection[]> {
  const products = await db.product.findMany({
    where: { kind: "domain" },
    select: { code: true, registryOperator: true },
    orderBy: { code: "asc" },
  });
  const byOperator = new Map<string, string[]>();
  for (const p of products) {
    const operator = p.registryOperator ?? p.code;
    byOperator.set(operator, [...(byOperator.get(operator) ?? []), p.code]);
  }
  return [...byOperator]
    .map(([operator, tlds]) => ({
      key: `${REGISTRY_PREFIX}${operator}`,
      label: `Registry connection: ${tlds.map((t) => `.${t}`).join(", ")}`,
      operator,
      tlds,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export async function listComponents(): Promise<StatusComponent[]> {
  const registries = await registryConnections();
  return [...FIXED_COMPONENTS, ...registries.map(({ key, label }) => ({ key, label }))];
}
