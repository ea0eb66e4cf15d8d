/**
 * Incident drafts (decision 128): registrar admins save an incident before publishing it, edit it, and
 * publish or discard it. A draft lives in its own table, so nothing that reads incidents (the status
 * page, the console banner, the mails) can show it. Each step is audited on the registrar's chain.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { openIncidentInput, type IncidentDraftRef, type SaveIncidentDraftInput } from "./incident-inputs";
import { assertIncidentWriter, componentLabels, preparePublication, publishIncidentIn } from "./open-incident";

const PENDING = { publishedAt: null, discardedAt: null } as const;

async function pendingOrThrow(draftId: string) {
  const draft = await db.incidentDraft.findUnique({ where: { id: draftId } });
  if (!draft) throw new AppError("NOT_FOUND");
  if (draft.publishedAt || draft.discardedAt)
    throw new AppError(
      "CONFLICT",
      draft.publishedAt ? "This draft is already published." : "This draft was discarded.",
    );
  return draft;
}

export async function saveIncidentDraft(ctx: ActorContext, input: SaveIncidentDraftInput) {
  assertIncidentWriter(ctx);
  await componentLabels(input.components);
  const content = { title: input.title, body: input.body, components: input.components, severity: input.severity };
  const now = platformNow();
  return db.$transaction(async (tx) => {
    let id = input.draftId;
    if (id) {
      // The pending state is the guard, so an edit racing a publication changes nothing published.
      const saved = await tx.incidentDraft.updateMany({
        where: { id, ...PENDING },
        data: { ...content, updatedById: ctx.actorId, updatedAt: now },
      });
      if (saved.count === 0) await pendingOrThrow(id);
    } else {
      const draft = await tx.incidentDraft.create({
        data: { ...content, createdById: ctx.actorId, createdAt: now, updatedById: ctx.actorId, updatedAt: now },
      });
      id = draft.id;
    }
    await recordAudit(tx, ctx, {
      action: input.draftId ? "incident_draft.edit" : "incident_draft.create",
      entity: "incident_draft",
      entityId: id,
      resellerId: null,
      after: content,
    });
    return { id };
  });
}

/** Publishing is opening the incident with the draft's words, exactly as the form would. */
export async function publishIncidentDraft(ctx: ActorContext, input: IncidentDraftRef) {
  assertIncidentWriter(ctx);
  const draft = await pendingOrThrow(input.draftId);
  // A draft the health check wrote, or one saved before the catalogue changed, meets the form's rules first.
  const parsed = openIncidentInput.safeParse(draft);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Edit the draft before publishing: it is incomplete.");
  const publication = await preparePublication(ctx, parsed.data.components);
  return db.$transaction(async (tx) => {
    const incident = await publishIncidentIn(tx, ctx, parsed.data, publication);
    const claimed = await tx.incidentDraft.updateMany({
      where: { id: draft.id, ...PENDING },
      data: { publishedAt: publication.now, incidentId: incident.id, updatedById: ctx.actorId },
    });
    // Another admin published or discarded it meanwhile: the incident created above rolls back.
    if (claimed.count === 0) throw new AppError("CONFLICT", "This draft was published or discarded meanwhile.");
    await recordAudit(tx, ctx, {
      action: "incident_draft.publish",
      entity: "incident_draft",
      entityId: draft.id,
      resellerId: null,
      after: { incidentId: incident.id },
    });
    return incident;
  });
}

export async function discardIncidentDraft(ctx: ActorContext, input: IncidentDraftRef) {
  assertIncidentWriter(ctx);
  return db.$transaction(async (tx) => {
    const discarded = await tx.incidentDraft.updateMany({
      where: { id: input.draftId, ...PENDING },
      data: { discardedAt: platformNow(), updatedById: ctx.actorId },
    });
    if (discarded.count === 0) await pendingOrThrow(input.draftId);
    await recordAudit(tx, ctx, {
      action: "incident_draft.discard",
      entity: "incident_draft",
      entityId: input.draftId,
      resellerId: null,
    });
    return { id: input.draftId };
  });
}
