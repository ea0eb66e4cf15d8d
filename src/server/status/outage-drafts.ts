/**
 * When a component's check turns to an outage, the health job writes an incident draft for registrar
 * staff to review, edit and publish (decision 128): nothing is published or mailed by a machine. Once
 * per outage: only a turn (the previous sample was not down) drafts, a partial unique index allows one
 * pending draft per component, and a component an open incident already names gets none.
 */
import type { Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { ComponentState } from "@/generated/prisma/enums";
import type { CheckResult } from "./check-components";

/** The newest state of each component in [since, before): what the checks said last time. */
export async function previousStates(tx: Tx, since: Date, before: Date): Promise<Map<string, ComponentState>> {
  const rows = await tx.$queryRaw<{ component: string; state: ComponentState }[]>`
    select distinct on (component) component, state
    from "ComponentHealthSample" where "checkedAt" >= ${since} and "checkedAt" < ${before}
    order by component, "checkedAt" desc`;
  return new Map(rows.map((r) => [r.component, r.state]));
}

export async function draftIncidentsForOutages(
  tx: Tx,
  results: CheckResult[],
  previous: Map<string, ComponentState>,
  labels: Map<string, string>,
  now: Date,
): Promise<string[]> {
  const turned = results.filter((r) => r.state === "down" && previous.get(r.component) !== "down");
  const drafted: string[] = [];
  for (const r of turned) {
    const named = await tx.incident.count({ where: { resolvedAt: null, components: { has: r.component } } });
    if (named > 0) continue;
    const label = labels.get(r.component) ?? r.component;
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      insert into "IncidentDraft" (id, title, body, components, severity, "autoComponent", "createdAt", "updatedAt")
      values (gen_random_uuid()::text, ${`${label}: outage detected`}, ${r.detail}, ${[r.component]},
              'critical', ${r.component}, ${now}, ${now})
      on conflict do nothing returning id`;
    if (!row) continue;
    drafted.push(row.id);
    await recordAudit(tx, systemContext(null), {
      action: "incident_draft.create",
      entity: "incident_draft",
      entityId: row.id,
      resellerId: null,
      after: { component: r.component, state: r.state, detail: r.detail },
    });
  }
  return drafted;
}
