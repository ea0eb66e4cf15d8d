/** What the registrant contact part of a launch application form starts from, as checkout's does. */
import type { ActorContext } from "@/server/context";
import { savedContacts } from "@/server/contacts/saved-contacts";
import { countries } from "@/lib/countries";

export async function applicantContactProps(
  ctx: ActorContext,
  account: { name?: string | null; email?: string | null },
) {
  const saved = await savedContacts(ctx);
  return {
    savedContacts: saved.map((c) => ({ id: c.id, label: `${c.name} · ${c.email} · ${c.city}` })),
    // New details start from the last contact saved, else from the account: a returning buyer types nothing.
    prefill: saved[0] ?? { name: account.name ?? "", email: account.email ?? "" },
    countries: countries(),
  };
}
