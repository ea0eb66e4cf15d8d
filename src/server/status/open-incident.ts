/**
 * A registrar admin publishes an incident: it shows on the status page and in every reseller
 * console at once, and each active reseller's owners are mailed. Audited on the registrar's chain.
 * Publishing a draft (publish-incident-draft.ts) goes through the same steps.
 */
import { db, type Tx } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { listComponents } from "./components";
import { activeResellerOwners, mailIncidentNotice, type IncidentOwner } from "./incident-mail";
import type { OpenIncidentInput } from "./incident-inputs";

type RegistrarCtx = Extract<ActorContext, { kind: "registrar" }>;

export function assertIncidentWriter(ctx: ActorContext): asserts ctx is RegistrarCtx {
  assertCanWrite(ctx);
  assertRole(ctx, ["registrar_admin"]);
  if (ctx.kind !== "registrar") throw new AppError("FORBIDDEN");
}

export async function authorName(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  return user.name || user.email;
}

/** The labels of the components the status page lists; a key it does not list is refused. */
export async function componentLabels(components: string[]): Promise<Map<string, string>> {
  const known = await listComponents();
  const labels = new Map(known.map((c) => [c.key, c.label]));
  if (components.some((c) => !labels.has(c)))
    throw new AppError("INVALID_INPUT", "Tick only components the status page lists.", {
      fields: { components: "Tick only components the status page lists." },
    });
  return labels;
}

/** What publishing needs that is read before its transaction: labels, the owners to mail, the author. */
export type Publication = { labels: Map<string, string>; owners: IncidentOwner[]; name: string; now: Date };

export async function preparePublication(ctx: RegistrarCtx, components: string[]): Promise<Publication> {
  const labels = await componentLabels(components);
  const [owners, name] = await Promise.all([activeResellerOwners(), authorName(ctx.actorId)]);
  return { labels, owners, name, now: platformNow() };
}

export async function publishIncidentIn(tx: Tx, ctx: RegistrarCtx, input: OpenIncidentInput, p: Publication) {
  const incident = await tx.incident.create({
    data: {
      title: input.title,
      body: input.body,
      components: input.components,
      severity: input.severity,
      state: "investigating",
      openedAt: p.now,
      openedById: ctx.actorId,
    },
  });
  await tx.incidentUpdate.create({
    data: {
      incidentId: incident.id,
      state: "investigating",
      body: input.body,
      at: p.now,
      authorId: ctx.actorId,
      authorName: p.name,
    },
  });
  await recordAudit(tx, ctx, {
    action: "incident.open",
    entity: "incident",
    entityId: incident.id,
    resellerId: null,
    after: { title: incident.title, severity: incident.severity, components: incident.components },
  });
  await mailIncidentNotice(tx, p.owners, {
    kind: "incident_published",
    title: incident.title,
    severity: incident.severity,
    components: input.components.map((c) => p.labels.get(c) ?? c),
    body: input.body,
  });
  return incident;
}

export async function openIncident(ctx: ActorContext, input: OpenIncidentInput) {
  assertIncidentWriter(ctx);
  const publication = await preparePublication(ctx, input.components);
  return db.$transaction((tx) => publishIncidentIn(tx, ctx, input, publication));
}
