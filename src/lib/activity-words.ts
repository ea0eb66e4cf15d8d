/**
 * Recent activity as sentences people read ("example.com was registered"), from audit entries. One
 * table holds the words for every event the consoles show: a label (the audit log's column) and a
 * sentence whose subject links to the domain, order, customer or setting it is about. Keys, ids and
 * raw field names never reach the page; an event without words reads as a plain phrase.
 */
import { shortOrderNumber } from "./order-number";
import { toUnicodeName } from "./domain-name";

export type ConsoleArea = "console" | "registrar";

/** Where an entry's subject lives, per console; null when that console has no page for it. */
type Place = (id: string, area: ConsoleArea) => string | null;

const PLACES: Partial<Record<string, Place>> = {
  domain: (id, area) => `/${area}/domains/${id}`,
  order: (_id, area) => `/${area}/orders`,
  order_item: (id, area) => `/${area}/needs-attention/${id}`,
  registrant: (id, area) => (area === "console" ? `/console/customers/${id}` : null),
  hostName: (_id, area) => (area === "console" ? "/console/host-names" : null),
  promotion: (_id, area) => (area === "console" ? "/console/prices" : null),
  retail_override: (_id, area) => (area === "console" ? "/console/prices" : null),
  api_key: (_id, area) => (area === "console" ? "/console/api-keys" : null),
  webhook_endpoint: (id, area) => (area === "console" ? `/console/webhooks/${id}` : null),
  membership: (_id, area) => (area === "console" ? "/console/staff" : null),
  invitation: (_id, area) => (area === "console" ? "/console/staff" : null),
  reseller: (id, area) => (area === "registrar" ? `/registrar/resellers/${id}` : "/console"),
  reseller_billing: (id, area) => (area === "registrar" ? `/registrar/billing/${id}` : "/console/billing"),
  wholesale_tier: (id, area) => (area === "registrar" ? `/registrar/tiers/${id}` : null),
  bulk_job: (id, area) => (area === "console" ? `/console/bulk/${id}` : null),
};

/** `{subject}` is what the entry is about; `{years}` and `{role}` come from its data when present. */
type EventWords = { label: string; sentence: string };

export const EVENT_WORDS: Partial<Record<string, EventWords>> = {
  "reseller_application.submit": { label: "Application submitted", sentence: "{subject} applied to become a reseller" },
  "reseller_application.approve": {
    label: "Application approved",
    sentence: "The application of {subject} was approved",
  },
  "reseller_application.decline": {
    label: "Application declined",
    sentence: "The application of {subject} was declined",
  },
  "reseller.create": { label: "Reseller created", sentence: "{subject} became a reseller" },
  "reseller.suspend": { label: "Reseller suspended", sentence: "{subject} was suspended" },
  "reseller.reactivate": { label: "Reseller reactivated", sentence: "{subject} was reactivated" },
  "billing.open": { label: "Billing opened", sentence: "Billing was opened for {subject}" },
  "branding.update": { label: "Branding updated", sentence: "The storefront's branding was changed" },
  "branding.logo.upload": { label: "Logo uploaded", sentence: "A new logo was uploaded" },
  "branding.logo.remove": { label: "Logo removed", sentence: "The logo was removed" },
  "host_name.add": { label: "Host name added", sentence: "Host name {subject} was added" },
  "host_name.verify": { label: "Host name verified", sentence: "Host name {subject} was verified" },
  "host_name.remove": { label: "Host name removed", sentence: "Host name {subject} was removed" },
  "dns.local.set": { label: "Local DNS answer set", sentence: "A local DNS answer was set for {subject}" },
  "dns.local.remove": { label: "Local DNS answer removed", sentence: "The local DNS answer for {subject} was removed" },
  "invitation.create": { label: "Invitation sent", sentence: "{subject} was invited to the staff" },
  "invitation.revoke": { label: "Invitation withdrawn", sentence: "The invitation to {subject} was withdrawn" },
  "invitation.accept": { label: "Invitation accepted", sentence: "{subject} joined the staff" },
  "staff.role.change": { label: "Staff role changed", sentence: "The role of {subject} was changed" },
  "staff.remove": { label: "Staff member removed", sentence: "{subject} was removed from the staff" },
  "order.place": { label: "Order placed", sentence: "Order {subject} was placed" },
  "order.item_parked": { label: "Order item stopped", sentence: "An item of order {subject} needs a person" },
  "order_item.parked.retry": {
    label: "Stopped order item tried again",
    sentence: "A stopped order item was tried again ({subject})",
  },
  "order_item.parked.resolve": {
    label: "Stopped order item resolved",
    sentence: "A stopped order item was resolved ({subject})",
  },
  "registrant.register": { label: "Customer signed up", sentence: "{subject} opened an account" },
  "profile.update": { label: "Profile updated", sentence: "{subject} updated their details" },
  "domain.register": { label: "Domain registered", sentence: "{subject} was registered" },
  "domain.renew": { label: "Domain renewed", sentence: "{subject} was renewed" },
  "domain.restore": { label: "Domain restored", sentence: "{subject} was restored" },
  "domain.privacy": { label: "Privacy changed", sentence: "Privacy was changed for {subject}" },
  "domain.lock": { label: "Transfer lock on", sentence: "{subject} was locked against transfers" },
  "domain.unlock": { label: "Transfer lock off", sentence: "The transfer lock of {subject} was turned off" },
  "domain.nameservers": { label: "Name servers changed", sentence: "The name servers of {subject} were changed" },
  "domain.dnssec": { label: "DNSSEC changed", sentence: "The DNSSEC records of {subject} were changed" },
  "domain.auto_renew.on": { label: "Auto-renew on", sentence: "Auto-renew was turned on for {subject}" },
  "domain.auto_renew.off": { label: "Auto-renew off", sentence: "Auto-renew was turned off for {subject}" },
  "domain.privacy.on": { label: "Privacy on", sentence: "Privacy was turned on for {subject}" },
  "domain.privacy.off": { label: "Privacy off", sentence: "Privacy was turned off for {subject}" },
  "domain.auth_code.reset": { label: "Transfer code reset", sentence: "The transfer code of {subject} was reset" },
  "domain.renewed": { label: "Domain renewed", sentence: "{subject} was renewed" },
  "domain.expiring": { label: "Expiry reminder sent", sentence: "A reminder was sent that {subject} expires soon" },
  "domain.delete.redemption": { label: "Domain deleted", sentence: "{subject} was deleted and can still be restored" },
  "domain.delete.purged": { label: "Domain released", sentence: "{subject} was deleted and released" },
  "domain.transfer_out.approve": {
    label: "Transfer out approved",
    sentence: "The transfer of {subject} to another registrar was approved",
  },
  "domain.transfer_out.reject": {
    label: "Transfer out rejected",
    sentence: "The transfer of {subject} to another registrar was rejected",
  },
  "domain.transferred_out": { label: "Domain transferred away", sentence: "{subject} moved to another registrar" },
  "domain.abuse.locked": { label: "Locked for abuse", sentence: "{subject} was locked after an abuse report" },
  "domain.abuse.hold_placed": {
    label: "Abuse hold placed",
    sentence: "{subject} was put on hold after an abuse report",
  },
  "domain.abuse.hold_lifted": { label: "Abuse hold lifted", sentence: "The abuse hold on {subject} was lifted" },
  "domain.expired": { label: "Domain expired", sentence: "{subject} expired" },
  "domain.redemption": { label: "Domain deleted", sentence: "{subject} was deleted and can still be restored" },
  "domain.released": { label: "Domain released", sentence: "{subject} was released" },
  "domain.reconcile": {
    label: "Domain checked with the registry",
    sentence: "{subject} was checked with the registry",
  },
  "domain.auth_code.reveal": { label: "Transfer code shown", sentence: "The transfer code of {subject} was shown" },
  "domain.transfer_in.requested": {
    label: "Transfer in requested",
    sentence: "A transfer in was requested for {subject}",
  },
  "domain.transfer_in.completed": { label: "Transfer in completed", sentence: "{subject} was transferred in" },
  "domain.transfer_in.ended": { label: "Transfer in ended", sentence: "The transfer in of {subject} ended" },
  "domain.transfer_out.requested": {
    label: "Transfer out requested",
    sentence: "Another registrar asked for {subject}",
  },
  "domain.transfer_out.ended": {
    label: "Transfer out answered",
    sentence: "The transfer request for {subject} was answered",
  },
  "domain.transferred_away": { label: "Domain transferred away", sentence: "{subject} moved to another registrar" },
  "domain.registrant_change.requested": {
    label: "Owner change requested",
    sentence: "A change of owner was requested for {subject}",
  },
  "domain.registrant_change.confirmed": {
    label: "Owner change confirmed",
    sentence: "The change of owner of {subject} was confirmed",
  },
  "domain.registrant_change.completed": { label: "Owner changed", sentence: "The owner of {subject} changed" },
  "domain.registrant_change.declined": {
    label: "Owner change declined",
    sentence: "The change of owner of {subject} was declined",
  },
  "domain.registrant_change.cancelled": {
    label: "Owner change cancelled",
    sentence: "The change of owner of {subject} was cancelled",
  },
  "domain.waps.hold_placed": {
    label: "Domain on hold",
    sentence: "{subject} was put on hold until its owner's email is verified",
  },
  "domain.waps.hold_lifted": { label: "Hold lifted", sentence: "The hold on {subject} was lifted" },
  "contact.email_verified": { label: "Contact email verified", sentence: "A contact's email was verified" },
  "contact.verification_resent": {
    label: "Verification mail sent again",
    sentence: "A contact's verification mail was sent again",
  },
  "pricing.markup.update": { label: "Markup changed", sentence: "The price markup was changed" },
  "pricing.override.set": { label: "Price set", sentence: "A fixed price was set for {subject}" },
  "pricing.override.remove": { label: "Price removed", sentence: "A fixed price was removed" },
  "pricing.promotion.create": { label: "Promotion created", sentence: "A promotion was created for {subject}" },
  "pricing.promotion.delete": { label: "Promotion deleted", sentence: "A promotion was deleted" },
  "tier.create": { label: "Wholesale tier created", sentence: "Wholesale tier {subject} was created" },
  "tier.update": { label: "Wholesale tier changed", sentence: "Wholesale tier {subject} was changed" },
  "tier.prices.update": {
    label: "Wholesale prices changed",
    sentence: "The prices of wholesale tier {subject} were changed",
  },
  "payment.mismatch": { label: "Payment did not match", sentence: "A payment did not match its {subject}" },
  "api_key.create": { label: "API key created", sentence: "API key {subject} was created" },
  "api_key.revoke": { label: "API key revoked", sentence: "API key {subject} was revoked" },
  "api.request": { label: "API request", sentence: "An API request changed {subject}" },
  "webhook_endpoint.create": { label: "Webhook added", sentence: "Webhook {subject} was added" },
  "webhook_endpoint.rotate_secret": {
    label: "Webhook secret replaced",
    sentence: "The secret of webhook {subject} was replaced",
  },
  "webhook_endpoint.auto_disable": {
    label: "Webhook turned off",
    sentence: "Webhook {subject} was turned off after failing deliveries",
  },
  "webhook_delivery.replay": { label: "Webhook delivery sent again", sentence: "A webhook delivery was sent again" },
  "password.change": { label: "Password changed", sentence: "A password was changed" },
  "password.reset": { label: "Password reset", sentence: "A password was reset" },
  "second_factor.enable": { label: "Two-factor sign-in turned on", sentence: "Two-factor sign-in was turned on" },
  "second_factor.disable": { label: "Two-factor sign-in turned off", sentence: "Two-factor sign-in was turned off" },
  "session.revoke": { label: "Signed out elsewhere", sentence: "A session was signed out" },
  "session.end_all": { label: "All sessions ended", sentence: "Every other session was signed out" },
  "audit.chains.seal": { label: "Audit log sealed", sentence: "The audit log was sealed" },
};

/** What the subject is called when the entry's data does not name it. */
const GENERIC_SUBJECT: Record<string, string> = {
  domain: "a domain",
  order: "an order",
  order_item: "details",
  registrant: "a customer",
  reseller: "a reseller",
  reseller_billing: "the reseller",
  wholesale_tier: "(no name)",
  payment: "order",
};

function phrase(key: string): string {
  const words = key.replaceAll(/[_.]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function eventLabel(action: string): string {
  return EVENT_WORDS[action]?.label ?? phrase(action);
}

export type ActivityEntry = {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** A sentence in three parts; the subject is a link when `href` is set. */
export type ActivitySentence = { lead: string; subject: string; tail: string; href: string | null };

function field(data: unknown, key: string): string | null {
  if (!data || typeof data !== "object") return null;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === "string" && v.length > 0 && v.length <= 253 ? v : null;
}

/** What the entry is about, and whether that is a stand-in phrase (which may start a sentence). */
function subjectOf(e: ActivityEntry, names: Readonly<Record<string, string>>): { text: string; generic: boolean } {
  if (e.entity === "order" && e.entityId) return { text: shortOrderNumber(e.entityId), generic: false };
  if (e.entityId && names[e.entityId]) return { text: names[e.entityId], generic: false };
  for (const key of ["name", "host", "email", "companyName", "displayName", "url", "product"]) {
    const v = field(e.after, key) ?? field(e.before, key);
    if (v) return { text: e.entity === "domain" || key === "host" ? toUnicodeName(v) : v, generic: false };
  }
  return { text: GENERIC_SUBJECT[e.entity] ?? "something", generic: true };
}

/**
 * The sentence for one entry. `names` maps entity ids to what people call them (domain names,
 * resellers' names) for entries whose data does not carry a name.
 */
export function activitySentence(
  e: ActivityEntry,
  area: ConsoleArea,
  names: Readonly<Record<string, string>> = {},
): ActivitySentence {
  const template = EVENT_WORDS[e.action]?.sentence ?? `${phrase(e.action)}: {subject}`;
  const subject = subjectOf(e, names);
  const [lead, tail = ""] = template.split("{subject}");
  const place = PLACES[e.entity];
  const href = e.entityId && place && template.includes("{subject}") ? place(e.entityId, area) : null;
  // A stand-in phrase opening the sentence takes a capital; a name ("example.com") never does.
  const text =
    lead === "" && subject.generic ? subject.text.charAt(0).toUpperCase() + subject.text.slice(1) : subject.text;
  return { lead, subject: template.includes("{subject}") ? text : "", tail: `${tail}.`, href };
}

/** The reason a person gave for the change (a suspension, a decline), shown under the sentence. */
export function activityNote(e: ActivityEntry): string | null {
  return field(e.after, "reason");
}
