import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { DEFAULT_PASSWORD, passwordHashFor } from "./password";

/** A storefront customer of `resellerId`, and the context it acts with. */
export async function createRegistrant(
  resellerId: string,
  opts: { email?: string; name?: string; password?: string } = {},
) {
  const registrant = await db.registrant.create({
    data: {
      resellerId,
      email: opts.email ?? `customer-${randomUUID().slice(0, 8)}@example.test`,
      name: opts.name ?? "Test Customer",
      passwordHash: await passwordHashFor(opts.password ?? DEFAULT_PASSWORD),
    },
  });
  const ctx: Extract<ActorContext, { kind: "registrant" }> = {
    kind: "registrant",
    actorId: registrant.id,
    resellerId,
    role: "registrant",
  };
  return { registrant, ctx, password: opts.password ?? DEFAULT_PASSWORD };
}
