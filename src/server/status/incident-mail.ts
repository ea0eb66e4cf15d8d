/**
 * Incident notices to resellers: when an incident is published and when it is resolved, each owner
 * of every active reseller is mailed (sandbox shadows have no customers to tell). Updates in between
 * are on the status page only, so an incident costs each owner two mails, not one per update.
 */
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { env } from "@/env";
import { queueMail } from "@/server/mail/send-mail";
import { sandboxResellerIds } from "@/server/live-tenants";
import { SEVERITY_LABELS, type IncidentSeverityName } from "@/lib/incident-words";

export type IncidentOwner = { resellerId: string; email: string; name: string };

export async function activeResellerOwners(): Promise<IncidentOwner[]> {
  const shadows = await sandboxResellerIds();
  const rows = await db.membership.findMany({
    where: {
      role: "owner",
      user: { disabledAt: null },
      reseller: { status: "active", ...(shadows.length ? { id: { notIn: shadows } } : {}) },
    },
    select: { resellerId: true, user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r) =>
    r.resellerId ? [{ resellerId: r.resellerId, email: r.user.email, name: r.user.name }] : [],
  );
}

type Notice = {
  kind: "incident_published" | "incident_resolved";
  title: string;
  severity: IncidentSeverityName;
  components: string[];
  body: string;
};

export async function mailIncidentNotice(tx: Tx, owners: IncidentOwner[], notice: Notice): Promise<void> {
  const statusUrl = `https://${env().CONSOLE_HOST}/status`;
  const resolved = notice.kind === "incident_resolved";
  const subject = resolved
    ? `Resolved: ${notice.title}`
    : `Service incident (${SEVERITY_LABELS[notice.severity].toLowerCase()}): ${notice.title}`;
  for (const o of owners)
    await queueMail(tx, {
      to: o.email,
      subject,
      text: [
        `Hello ${o.name},`,
        "",
        resolved
          ? `The incident "${notice.title}" is resolved.`
          : `We are working on an incident that may affect you and your customers: "${notice.title}".`,
        "",
        `Affected: ${notice.components.join("; ")}`,
        "",
        notice.body,
        "",
        `Follow it on the status page: ${statusUrl}`,
      ].join("\n"),
      kind: notice.kind,
      resellerId: o.resellerId,
    });
}
