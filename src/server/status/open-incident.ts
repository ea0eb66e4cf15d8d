/**
 * A registrar admin publishes an incident: it shows on the status page and in every reseller
 * console at once, and each active reseller's owners are mailed. Audited on the registrar's chain.
 */
import { db } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { listComponents } from "./components";
import { activeResellerOwners, mailIncidentNotice } from "./incident-mail";
import type { OpenIncidentInput } from "./incident-inputs";

export function assertIncidentWriter(ctx: ActorContext): asserts ctx is Extract<ActorContext, { kind: "registrar" }> {
  assertCanWrite(ctx);
  assertRole(ctx, ["registrar_admin"]);
  if (ctx.kind !== "registrar") throw new AppError("FORBIDDEN");
}

export async function authorName(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  return user.name || user.email;
}

export async function openIncident(ctx: ActorContext, input: OpenIncidentInput) {
  assertIncidentWriter(ctx);
  const known = await listComponents();
  const labels = new Map(known.map((c) => [c.key, c.label]));
  const unknown = input.components.filter((c) => !labels.has(c));
  if (unknown.length)
    throw new AppError("INVALID_INPUT", "Tick only components the status page lists.", {
      fields: { components: "Tick only components the status page lists." },
    });
  const [owners, name] = await Promise.all([activeResellerOwners(), authorName(ctx.actorId)]);
  const now = platformNow();
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: {
        title: input.title,
        body: input.body,
        components: input.components,
        severity: input.severity,
        state: "investigating",
        openedAt: now,
        openedById: ctx.actorId,
      },
    });
    await tx.incidentUpdate.create({
      data: {
        incidentId: incident.id,
        state: "investigating",
        body: input.body,
        at: now,
        authorId: ctx.actorId,
        authorName: name,
      },
    });
    await recordAudit(tx, ctx, {
      action: "incident.open",
      entity: "incident",
      entityId: incident.id,
      resellerId: null,
      after: { title: incident.title, severity: incident.severity, components: incident.components },
    });
    await mailIncidentNotice(tx, owners, {
      kind: "incident_published",
      title: incident.title,
      severity: incident.severity,
      components: input.components.map((c) => labels.get(c) ?? c),
      body: input.body,
    });
    return incident;
  });
}
