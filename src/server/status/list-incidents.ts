/** Registrar staff's view of incidents: all of them, newest first, and one with its full timeline and authors. */
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
