/**
 * The registrant contact fields of the sunrise and landrush forms, read into what the apply services
 * take: a saved contact's id, or the new details (inputs prefixed, beside the domain name's own field).
 */
import { CONTACT_INPUTS, type ContactFields } from "@/lib/contact-rules";
import { CONTACT_FIELD_PREFIX, NEW_CONTACT } from "@/lib/applicant-contact-fields";

const KEYS = [...CONTACT_INPUTS.map(([k]) => k), "countryCode"] as const;

export function applicantContact(raw: Record<string, unknown>): { contactId: string | null; contact?: ContactFields } {
  const str = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const saved = str("contactId");
  if (saved && saved !== NEW_CONTACT) return { contactId: saved };
  const contact = Object.fromEntries(KEYS.map((k) => [k, str(`${CONTACT_FIELD_PREFIX}${k}`)])) as ContactFields;
  return { contactId: null, contact };
}
