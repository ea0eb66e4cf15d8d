/**
 * Registrar admins follow an open incident with dated updates (each moves its state) and finally
 * resolve it, which mails the owners who were told it began. A resolved incident takes no more updates.
 */
import { db, type Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { IncidentState } from "@/generated/prisma/enums";
import type { Incident } from "@/generated/prisma/client";
import { listComponents } from "./components";
import { activeResellerOwners, mailIncidentNotice } from "./incident-mail";
import { assertIncidentWriter, authorName } from "./open-incident";
import type { PostIncidentUpdateInput, ResolveIncidentInput } from "./incident-inputs";

async function addUpdate(
  ctx: Extract<ActorContext, { kind: "registrar" }>,
  incidentId: string,
  state: IncidentState,
  body: string,
  after?: (tx: Tx, incident: Incident) => Promise<void>,
) {
  const name = await authorName(ctx.actorId);
  const now = platformNow();
  return db.$transaction(async (tx) => {
    // The open state is the guard, so two admins resolving at once leave one resolution.
    const moved = await tx.incident.updateMany({
      where: { id: incidentId, resolvedAt: null },
      data: { state, ...(state === "resolved" ? { resolvedAt: now } : {}) },
    });
    if (moved.count === 0) {
      const exists = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
      throw exists ? new AppError("CONFLICT", "This incident is already resolved.") : new AppError("NOT_FOUND");
    }
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
    const update = await tx.incidentUpdate.create({
      data: { incidentId, state, body, at: now, authorId: ctx.actorId, authorName: name },
    });
    await recordAudit(tx, ctx, {
      action: state === "resolved" ? "incident.resolve" : "incident.update",
      entity: "incident",
      entityId: incidentId,
      resellerId: null,
      after: { state, updateId: update.id },
    });
    await after?.(tx, incident);
    return update;
  });
}

export async function postIncidentUpdate(ctx: ActorContext, input: PostIncidentUpdateInput) {
  assertIncidentWriter(ctx);
  return addUpdate(ctx, input.incidentId, input.state, input.body);
}

export async function resolveIncident(ctx: ActorContext, input: ResolveIncidentInput) {
  assertIncidentWriter(ctx);
  const [owners, components] = await Promise.all([activeResellerOwners(), listComponents()]);
  const labels = new Map(components.map((c) => [c.key, c.label]));
  return addUpdate(ctx, input.incidentId, "resolved", input.body, (tx, incident) =>
    mailIncidentNotice(tx, owners, {
      kind: "incident_resolved",
      title: incident.title,
      severity: incident.severity,
      components: incident.components.map((c) => labels.get(c) ?? c),
      body: input.body,
    }),
  );
}
