/**
 * Makes, through the platform's own services, what the route attacks name and the demo seed lacks:
 * a bulk job of Acme's, an order of Jane's, a second Acme registrant (Mallory) and an API key per
 * reseller. Run by tests/e2e/route-isolation.spec.ts in a tsx child process against the e2e database
 * (decision 062: Playwright loads specs as CommonJS, the Prisma client is ESM). Prints the World as
 * its last line of output.
 */
import "../../../src/server-only-outside-next"; // first: server modules outside Next
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { hashPassword } from "@/server/auth/password";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { createBulkJob } from "@/server/domains/bulk/create-bulk-job";
import { placeDomainOrder } from "@/server/domains/checkout/place-domain-order";
import type { World } from "./route-attacks";

const PASSWORD = "demo-password-123";
const JANE_CONTACT = {
  name: "Jane Doe",
  organization: "",
  email: "jane@example.com",
  phone: "+1.5555550123",
  street1: "1 Main Street",
  street2: "",
  city: "Springfield",
  state: "IL",
  postalCode: "62701",
  countryCode: "US",
};

async function ownerContext(slug: string): Promise<Extract<ActorContext, { kind: "user" }>> {
  const membership = await db.membership.findFirstOrThrow({ where: { role: "owner", reseller: { slug } } });
  return { kind: "user", actorId: membership.userId, resellerId: membership.resellerId!, role: "owner" };
}

async function main(): Promise<void> {
  const acme = await ownerContext("acme");
  const nimbus = await ownerContext("nimbus");
  const jane = await db.registrant.findUniqueOrThrow({
    where: { resellerId_email: { resellerId: acme.resellerId, email: "jane@example.com" } },
  });
  await db.registrant.upsert({
    where: { resellerId_email: { resellerId: acme.resellerId, email: "mallory@example.com" } },
    create: {
      resellerId: acme.resellerId,
      email: "mallory@example.com",
      name: "Mallory Moss",
      passwordHash: await hashPassword(PASSWORD),
    },
    update: {},
  });
  // One with her contact on it: names won in a launch phase have none yet (the RDAP step reads it).
  const domain = await db.domain.findFirstOrThrow({
    where: { resellerId: acme.resellerId, registrantId: jane.id, state: "active", registrantContactId: { not: null } },
    orderBy: { name: "asc" },
  });
  const bulk = await createBulkJob(acme, { action: "lock", names: [domain.name] });
  const janeOrderName = `route-isolation-${Date.now().toString(36)}.com`;
  const { order } = await placeDomainOrder(
    { kind: "registrant", actorId: jane.id, resellerId: acme.resellerId, role: "registrant" },
    {
      resellerId: acme.resellerId,
      idempotencyKey: `route-isolation-${janeOrderName}`,
      nameservers: null,
      contact: JANE_CONTACT,
      items: [{ name: janeOrderName, kind: "register", years: 1, privacy: false }],
    },
  );
  const key = (ctx: typeof acme) =>
    createApiKey(ctx, ctx.resellerId, { name: "route isolation", mode: "live", scopes: ["read", "domains"] });
  const world: World = {
    acmeResellerId: acme.resellerId,
    nimbusResellerId: nimbus.resellerId,
    acmeBulkJobId: bulk.id,
    janeOrderId: order.id,
    janeOrderName,
    janeRegistrantId: jane.id,
    janeDomain: domain.name,
    acmeApiKey: (await key(acme)).key,
    nimbusApiKey: (await key(nimbus)).key,
  };
  console.log(JSON.stringify(world));
  await db.$disconnect();
  // The registry session pool would keep the process alive.
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
