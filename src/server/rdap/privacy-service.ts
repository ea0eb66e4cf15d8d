/**
 * The registrar's proxy service: when a domain's privacy flag is on, RDAP names the service as the
 * registrant (and technical contact) instead of its customer. Its details are registrar configuration,
 * PRIVACY_SERVICE_CONTACT (JSON). Development and tests fall back to an example service; production
 * refuses to start without it (production-check) unless ALLOW_EXAMPLE_PRIVACY_CONTACT accepts the example.
 */
import { z } from "zod";
import { env } from "@/env";
import type { RdapContact, RdapRegistrar } from "./load-rdap-data";

const contactSchema = z.object({
  name: z.string().min(1).max(255),
  organization: z.string().max(255).default(""),
  email: z.email(),
  phone: z.string().regex(/^\+\d{1,3}\.\d{1,14}$/, "phone must be in EPP form +CC.NUMBER"),
  street: z.array(z.string().min(1).max(255)).min(1).max(3),
  city: z.string().min(1).max(255),
  state: z.string().max(255).default(""),
  postalCode: z.string().max(16).default(""),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
});

export class PrivacyServiceNotConfigured extends Error {
  constructor() {
    super("PRIVACY_SERVICE_CONTACT is not set: RDAP cannot show the proxy service for privacy-protected names.");
    this.name = "PrivacyServiceNotConfigured";
  }
}

export function parsePrivacyServiceContact(json: string): RdapContact {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("PRIVACY_SERVICE_CONTACT is not valid JSON.");
  }
  const parsed = contactSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `PRIVACY_SERVICE_CONTACT: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

export function privacyServiceContact(registrar: RdapRegistrar): RdapContact {
  const configured = env().PRIVACY_SERVICE_CONTACT;
  if (configured) return parsePrivacyServiceContact(configured);
  if (env().NODE_ENV === "production" && !env().ALLOW_EXAMPLE_PRIVACY_CONTACT) throw new PrivacyServiceNotConfigured();
  return {
    name: `${registrar.legalName} Privacy Service`,
    organization: `${registrar.legalName} Privacy Service`,
    email: "privacy@registrar.example",
    phone: registrar.abusePhone,
    street: ["1 Example Way"],
    city: "Example City",
    state: "CA",
    postalCode: "94000",
    countryCode: "US",
  };
}

/**
 * The per-domain address mail to a privacy-protected name's contact is sent to: the service's own
 * mailbox with a sub-address, so one inbound mailbox receives it all and the token finds the domain.
 */
export function relayAddress(serviceEmail: string, token: string): string {
  const at = serviceEmail.lastIndexOf("@");
  return `${serviceEmail.slice(0, at)}+${token}${serviceEmail.slice(at)}`;
}

/** The token of a relay address, or null when the address is not one. */
export function relayTokenIn(address: string, serviceEmail: string): string | null {
  const at = serviceEmail.lastIndexOf("@");
  const local = serviceEmail.slice(0, at).toLowerCase();
  const domain = serviceEmail.slice(at).toLowerCase();
  const a = address.trim();
  if (!a.toLowerCase().endsWith(domain)) return null;
  const head = a.slice(0, a.length - domain.length);
  if (!head.toLowerCase().startsWith(`${local}+`)) return null;
  const token = head.slice(local.length + 1);
  return /^[A-Za-z0-9_-]{8,64}$/.test(token) ? token : null;
}
