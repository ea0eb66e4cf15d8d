/**
 * The privacy service's contact object for the order engine, through the item's recorded ports: a name
 * bought with privacy is created with the service as registrant, so the registry never publishes the
 * customer, even for the moment between the create and a later update (docs/decisions/116).
 */
import { db } from "@/server/db";
import { EppError, type RegistryPort } from "@/server/registry";
import { proxyContactCreate, proxyHandleFor } from "@/server/domains/manage/privacy-at-registry";

/** The service's handle at `operator`, creating the object there first when needed. */
export async function ensureProxyAt(port: RegistryPort, operator: string): Promise<string> {
  const known = await db.privacyProxyObject.findUnique({ where: { registry: operator } });
  if (known) return known.handle;
  const handle = proxyHandleFor(operator);
  try {
    await port.createContact(await proxyContactCreate(handle));
  } catch (e) {
    // 2302: an earlier attempt (or the manage toggle) created it before its answer was lost.
    if (!(e instanceof EppError && e.code === 2302)) throw e;
  }
  await db.privacyProxyObject.upsert({
    where: { registry: operator },
    create: { registry: operator, handle },
    update: {},
  });
  return handle;
}
