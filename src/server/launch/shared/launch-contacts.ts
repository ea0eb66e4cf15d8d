/**
 * The contacts a launch application names: the registrant's contact created at the registry first
 * (once per registry, under the handle the domain provisioner uses, so a retry finds it) and sent as
 * registrant, admin and technical contact, as registries running sunrise and landrush require
 * (standards.md 1.9). A TLD whose registry takes no contacts gets none; so does an item placed
 * before applications carried a contact.
 */
import type { ContactLink, RegistryPort } from "@/server/registry";
import { registryContactsFor } from "@/lib/contact-rules";
import { ensureContact } from "@/server/domains/provisioners/registry-objects";
import type { ProvisionItem } from "@/server/orders/provisioner";

export type LaunchContacts = { registrant?: string; contacts?: ContactLink[] };

export async function launchContacts(
  port: RegistryPort,
  item: ProvisionItem,
  contactId: string | null | undefined,
): Promise<LaunchContacts> {
  if (!contactId || registryContactsFor(item.product.code) === "prohibited") return {};
  const handle = await ensureContact(port, item.product.registryOperator ?? item.product.code, contactId);
  return {
    registrant: handle,
    contacts: [
      { type: "admin", id: handle },
      { type: "tech", id: handle },
    ],
  };
}
