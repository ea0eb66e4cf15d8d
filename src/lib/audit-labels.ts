/** Human wording for audit actions; capabilities add theirs. Unknown actions show as recorded. */
const LABELS: Record<string, string> = {
  "reseller_application.submit": "Application submitted",
  "reseller_application.approve": "Application approved",
  "reseller_application.decline": "Application declined",
  "reseller.create": "Reseller created",
  "reseller.suspend": "Reseller suspended",
  "reseller.reactivate": "Reseller reactivated",
  "branding.update": "Branding updated",
  "branding.logo.upload": "Logo uploaded",
  "branding.logo.remove": "Logo removed",
  "host_name.add": "Host name added",
  "host_name.verify": "Host name verified",
  "host_name.remove": "Host name removed",
  "dns.local.set": "Local DNS answer set",
  "dns.local.remove": "Local DNS answer removed",
  "invitation.create": "Invitation sent",
  "invitation.revoke": "Invitation withdrawn",
  "invitation.accept": "Invitation accepted",
  "staff.role.change": "Staff role changed",
  "staff.remove": "Staff member removed",
  "order_item.parked.retry": "Stopped order item tried again",
  "order_item.parked.resolve": "Stopped order item resolved",
};

export function auditActionLabel(action: string): string {
  return LABELS[action] ?? action;
}

/** A one-line summary of an entry's after/before data, e.g. "host: shop.example.com". */
export function auditSummary(before: unknown, after: unknown): string {
  const source = (after ?? before) as Record<string, unknown> | null;
  if (!source || typeof source !== "object") return "";
  return Object.entries(source)
    .filter(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v))
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
}
