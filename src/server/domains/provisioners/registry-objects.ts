/**
 * The objects a domain create links to: the registrant's contact (once per registry, under a handle
 * derived from our contact id so a retried create finds the one an earlier attempt made) and host
 * objects for the nameservers.
 */
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/server/db";
import { EppError, type RegistryPort } from "@/server/registry";

export function contactHandle(contactId: string, registry: string): string {
  return `p${createHash("sha256").update(`${contactId}:${registry}`).digest("hex").slice(0, 13)}`;
}

/** The contact's id at `registry`, creating it there first when needed. */
export async function ensureContact(port: RegistryPort, registry: string, contactId: string): Promise<string> {
  const existing = await db.contactHandle.findUnique({ where: { contactId_registry: { contactId, registry } } });
  if (existing) return existing.handle;
  const c = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
  const handle = contactHandle(contactId, registry);
  try {
    await port.createContact({
      id: handle,
      postal: [
        {
          type: "int",
          name: c.name,
          org: c.organization || undefined,
          street: [c.street1, c.street2].filter(Boolean),
          city: c.city,
          sp: c.state || undefined,
          pc: c.postalCode || undefined,
          cc: c.countryCode,
        },
      ],
      voice: c.phone,
      email: c.email,
      authInfo: randomBytes(12).toString("base64url"),
    });
  } catch (e) {
    // 2302: an earlier attempt created it before its answer was lost.
    if (!(e instanceof EppError && e.code === 2302)) throw e;
  }
  await db.contactHandle.upsert({
    where: { contactId_registry: { contactId, registry } },
    create: { contactId, registry, handle },
    update: {},
  });
  return handle;
}

/** Host objects for external nameservers; one that exists already (ours or anyone's) is fine. */
export async function ensureHosts(port: RegistryPort, nameservers: string[]): Promise<void> {
  if (!nameservers.length) return;
  const { data } = await port.checkHosts({ names: nameservers });
  for (const h of data.filter((c) => c.available)) {
    try {
      await port.createHost({ name: h.id });
    } catch (e) {
      if (!(e instanceof EppError && e.code === 2302)) throw e;
    }
  }
}
