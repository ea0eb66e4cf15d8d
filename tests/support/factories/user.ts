import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { DEFAULT_PASSWORD, passwordHashFor } from "./password";

type ResellerRole = "owner" | "admin" | "support" | "billing";
type RegistrarRole = "registrar_admin" | "registrar_auditor";

async function createUser(opts: { email?: string; name?: string; password?: string }) {
  return db.user.create({
    data: {
      email: opts.email ?? `user-${randomUUID().slice(0, 8)}@example.test`,
      name: opts.name ?? "Test User",
      passwordHash: await passwordHashFor(opts.password ?? DEFAULT_PASSWORD),
    },
  });
}

/** A console user of `resellerId` with `role`, and the context it acts with. */
export async function createStaff(
  resellerId: string,
  role: ResellerRole = "owner",
  opts: { email?: string; name?: string; password?: string } = {},
) {
  const user = await createUser(opts);
  const membership = await db.membership.create({ data: { userId: user.id, resellerId, role } });
  const ctx: Extract<ActorContext, { kind: "user" }> = { kind: "user", actorId: user.id, resellerId, role };
  return { user, membership, ctx, password: opts.password ?? DEFAULT_PASSWORD };
}

/** Registrar staff (admin or auditor), and the context it acts with. */
export async function createRegistrarStaff(
  role: RegistrarRole = "registrar_admin",
  opts: { email?: string; name?: string; password?: string } = {},
) {
  const user = await createUser(opts);
  const membership = await db.membership.create({ data: { userId: user.id, resellerId: null, role } });
  const ctx: Extract<ActorContext, { kind: "registrar" }> = {
    kind: "registrar",
    actorId: user.id,
    resellerId: null,
    role,
  };
  return { user, membership, ctx, password: opts.password ?? DEFAULT_PASSWORD };
}
