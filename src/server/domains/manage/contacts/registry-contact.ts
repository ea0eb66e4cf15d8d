/**
 * Contact objects at the registry, each command recorded in the domain's history. A contact row
 * has one handle per registry operator, derived from its id (the same derivation fulfilment uses),
 * so a create retried after a lost answer finds the object the first attempt made.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { contactHandle } from "@/server/domains/provisioners/registry-objects";
import type { ContactInput } from "@/server/registry";
import { callRegistry, RegistryRefusal, type RegistryAnswer } from "@/server/registry/access";
import type { Contact, Domain } from "@/generated/prisma/client";

function registryFields(c: Contact): Omit<ContactInput, "id" | "authInfo"> {
  return {
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
  };
}

export async function handleAt(contactId: string | null, operator: string): Promise<string | null> {
  if (!contactId) return null;
  return (
    (await db.contactHandle.findUnique({ where: { contactId_registry: { contactId, registry: operator } } }))?.handle ??
    null
  );
}

/** The contact's handle at `operator`, creating the object there first when needed. */
export async function ensureRegistryContact(
  ctx: ActorContext,
  domain: Domain,
  operator: string,
  contact: Contact,
): Promise<string> {
  const known = await handleAt(contact.id, operator);
  if (known) return known;
  const handle = contactHandle(contact.id, operator);
  try {
    // The history keeps the handle, not the person's details.
    await callRegistry(
      ctx,
      domain,
      "createContact",
      { id: handle, ...registryFields(contact), authInfo: randomBytes(12).toString("base64url") },
      { detail: { id: handle } },
    );
  } catch (e) {
    // 2302: an earlier attempt created it before its answer was lost.
    if (!(e instanceof RegistryRefusal && e.eppCode === 2302)) throw e;
  }
  await db.contactHandle.upsert({
    where: { contactId_registry: { contactId: contact.id, registry: operator } },
    create: { contactId: contact.id, registry: operator, handle },
    update: {},
  });
  return handle;
}

/** Sends the contact's current details to its existing object at the registry. */
export async function updateRegistryContact(
  ctx: ActorContext,
  domain: Domain,
  handle: string,
  contact: Contact,
): Promise<RegistryAnswer<null>> {
  return callRegistry(
    ctx,
    domain,
    "updateContact",
    { id: handle, change: registryFields(contact) },
    { detail: { id: handle } },
  );
}
