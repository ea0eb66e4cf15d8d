/** Registrar staff's view of incidents (all, and one with its timeline and authors) and of pending drafts. */
import { db } from "@/server/db";
import { assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { listComponents } from "./components";

const READERS = ["registrar_admin", "registrar_auditor"] as const;

export async function listIncidents(ctx: ActorContext) {
  assertRole(ctx, READERS);
  return db.incident.findMany({
    orderBy: [{ resolvedAt: { sort: "desc", nulls: "first" } }, { openedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      severity: true,
      state: true,
      components: true,
      openedAt: true,
      resolvedAt: true,
    },
  });
}

export async function getIncident(ctx: ActorContext, id: string) {
  assertRole(ctx, READERS);
  const [incident, components] = await Promise.all([
    db.incident.findUnique({ where: { id }, include: { updates: { orderBy: { at: "desc" } } } }),
    listComponents(),
  ]);
  if (!incident) throw new AppError("NOT_FOUND");
  const labels = new Map(components.map((c) => [c.key, c.label]));
  return { ...incident, componentLabels: incident.components.map((c) => labels.get(c) ?? c) };
}

/** Drafts waiting for staff (neither published nor discarded), newest first. */
export async function listIncidentDrafts(ctx: ActorContext) {
  assertRole(ctx, READERS);
  return db.incidentDraft.findMany({
    where: { publishedAt: null, discardedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}

export async function getIncidentDraft(ctx: ActorContext, id: string) {
  assertRole(ctx, READERS);
  const draft = await db.incidentDraft.findUnique({ where: { id } });
  if (!draft) throw new AppError("NOT_FOUND");
  return draft;
}
