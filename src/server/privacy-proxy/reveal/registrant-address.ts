/** Where the customer behind the proxy is written to, and the details a disclosure hands over. */
import { db } from "@/server/db";
import type { Domain } from "@/generated/prisma/client";

export async function registrantAddressOf(
  domain: Pick<Domain, "registrantContactId" | "registrantId">,
): Promise<string | null> {
  const contact = domain.registrantContactId
    ? await db.contact.findUnique({ where: { id: domain.registrantContactId }, select: { email: true } })
    : null;
  if (contact) return contact.email;
  const account = domain.registrantId
    ? await db.registrant.findUnique({ where: { id: domain.registrantId }, select: { email: true } })
    : null;
  return account?.email ?? null;
}

/** The registrant contact as the disclosure mail gives it: what the registry would show without the proxy. */
export async function registrantDetailsOf(domain: Pick<Domain, "registrantContactId">): Promise<string[] | null> {
  const c = domain.registrantContactId
    ? await db.contact.findUnique({ where: { id: domain.registrantContactId } })
    : null;
  if (!c) return null;
  return [
    `Name: ${c.name}`,
    ...(c.organization ? [`Organisation: ${c.organization}`] : []),
    `Email: ${c.email}`,
    `Phone: ${c.phone}`,
    `Address: ${[c.street1, c.street2, c.city, c.state, c.postalCode, c.countryCode].filter(Boolean).join(", ")}`,
  ];
}
