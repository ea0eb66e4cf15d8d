/**
 * Registrant contact rules, shared by the checkout form and the server: required fields, the EPP
 * phone form (+CC.NUMBER), email, ISO country codes, and what each TLD's registry wants. Client-safe.
 */
import { isCountryCode } from "./countries";

export type ContactFields = {
  name: string;
  organization: string;
  email: string;
  phone: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
};

/** Whether a TLD's registry takes contact objects (thin registries such as .com take none). */
/** The inputs of a contact form, in order, with their labels and browser autocomplete hints (country comes apart, as a select). */
export const CONTACT_INPUTS: [Exclude<keyof ContactFields, "countryCode">, string, string][] = [
  ["name", "Full name", "name"],
  ["organization", "Organisation (optional)", "organization"],
  ["email", "Email", "email"],
  ["phone", "Phone, with country code (+1.5555551234)", "tel"],
  ["street1", "Street address", "address-line1"],
  ["street2", "Address line 2 (optional)", "address-line2"],
  ["city", "City", "address-level2"],
  ["state", "State or province", "address-level1"],
  ["postalCode", "Postal code", "postal-code"],
];

export type RegistryContacts = "required" | "optional" | "prohibited";

const KNOWN: Record<string, RegistryContacts> = { com: "prohibited", net: "prohibited", org: "required" };

export function registryContactsFor(tld: string, override?: unknown): RegistryContacts {
  if (override === "required" || override === "optional" || override === "prohibited") return override;
  return KNOWN[tld] ?? "optional";
}

// Countries whose addresses carry no postal code, and those whose addresses need a state/province.
const NO_POSTCODE = new Set(["AE", "AG", "BS", "BZ", "HK", "IE", "JM", "QA", "TT", "UG", "ZW"]);
const NEEDS_STATE = new Set(["US", "CA", "AU", "BR", "MX", "IN"]);

export const EPP_PHONE = /^\+\d{1,3}\.\d{4,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** "+1 (555) 555-1234" with a country code → "+1.5555551234" when the split is unambiguous. */
export function normalizePhone(input: string): string {
  const s = input.trim();
  if (EPP_PHONE.test(s)) return s;
  const m = /^\+(\d{1,3})[\s.-]+([\d\s().-]{4,})$/.exec(s);
  if (!m) return s;
  return `+${m[1]}.${m[2].replace(/\D/g, "")}`;
}

/** Fields every contact needs whatever its country; forms mark them required. */
export const CONTACT_ALWAYS_REQUIRED: readonly (keyof ContactFields)[] = [
  "name",
  "email",
  "phone",
  "street1",
  "city",
  "countryCode",
];

/** Field → message for every problem; empty when the contact is fine. */
export function contactProblems(c: ContactFields): Partial<Record<keyof ContactFields, string>> {
  const p: Partial<Record<keyof ContactFields, string>> = {};
  const need = (k: keyof ContactFields, label: string) => {
    if (!c[k].trim()) p[k] = `${label} is required.`;
  };
  need("name", "Full name");
  need("email", "Email");
  need("phone", "Phone");
  need("street1", "Street address");
  need("city", "City");
  need("countryCode", "Country");
  if (c.email && !EMAIL.test(c.email.trim())) p.email = "Enter an email address like name@example.com.";
  if (c.phone && !EPP_PHONE.test(normalizePhone(c.phone)))
    p.phone = "Enter the phone number with its country code, like +1.5555551234.";
  const cc = c.countryCode.trim().toUpperCase();
  if (cc && !isCountryCode(cc)) p.countryCode = "Choose a country from the list.";
  if (cc && !NO_POSTCODE.has(cc) && !c.postalCode.trim()) p.postalCode = "Postal code is required for this country.";
  if (cc && NEEDS_STATE.has(cc) && !c.state.trim()) p.state = "State or province is required for this country.";
  for (const [k, max] of [
    ["name", 255],
    ["organization", 255],
    ["street1", 255],
    ["street2", 255],
    ["city", 255],
    ["state", 255],
    ["postalCode", 16],
    ["email", 320],
  ] as const) {
    if (c[k].length > max) p[k] = `At most ${max} characters.`;
  }
  return p;
}
