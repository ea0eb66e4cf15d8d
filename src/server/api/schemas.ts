/** zod schemas shared by several routes: the shapes the OpenAPI document names. */
import { z } from "zod";

export const isoDate = z.string().describe("An RFC 3339 date-time.");
export const money = z.number().int().describe("Minor units of the currency (cents).");

export const checkResult = z.object({
  name: z.string().describe("The A-label form, as sent to the registry."),
  unicodeName: z.string(),
  tld: z.string(),
  availability: z.enum(["available", "taken", "reserved", "invalid", "not_open", "unavailable", "unknown"]),
  reason: z.string().optional(),
  premium: z.boolean(),
  phase: z.string().optional(),
  price: z
    .object({ currency: z.string(), register: money, renew: money, promotion: z.string().optional() })
    .optional()
    .describe("The reseller's retail price for one year."),
});

export const orderItem = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  period: z.number().int(),
  state: z.string().describe("paid, provisioning, completed, pending_registry, failed, parked, refunded…"),
  wholesaleAmount: money,
});

export const order = z.object({
  id: z.string(),
  channel: z.enum(["storefront", "console", "api"]),
  currency: z.string(),
  createdAt: isoDate,
  wholesaleTotal: money,
  retailTotal: money,
  items: z.array(orderItem),
});

export const domain = z.object({
  id: z.string(),
  name: z.string(),
  unicodeName: z.string(),
  tld: z.string(),
  state: z.string(),
  expiresAt: isoDate.nullable(),
  autoRenew: z.boolean(),
  transferLock: z.boolean(),
});

export const contact = z.object({
  name: z.string().min(1).max(255),
  organization: z.string().max(255).default(""),
  email: z.string().email().max(254),
  phone: z.string().min(1).max(64).describe("+CC.NUMBER, as EPP writes it (+44.2071234567)."),
  street1: z.string().min(1).max(255),
  street2: z.string().max(255).default(""),
  city: z.string().min(1).max(255),
  state: z.string().max(255).default(""),
  postalCode: z.string().max(32).default(""),
  countryCode: z.string().length(2).describe("ISO 3166-1 alpha-2."),
});

export const domainNameParam = z.object({ name: z.string().min(3).max(253) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });
}

export const noParams = z.object({});
export const noQuery = z.object({});

export const dsRecord = z.object({
  keyTag: z.number().int().min(0).max(65535),
  alg: z.number().int().describe("DNSSEC algorithm number (RFC 8624), e.g. 13."),
  digestType: z.number().int().describe("Digest type, e.g. 2 (SHA-256)."),
  digest: z.string().min(1).max(256).describe("Hexadecimal."),
});

export const domainDetail = domain.extend({
  privacy: z.boolean(),
  registryStatuses: z.array(z.string()),
  registeredAt: isoDate.nullable(),
  nameservers: z.array(z.string()),
  dsRecords: z.array(dsRecord),
  hosts: z.array(z.object({ name: z.string(), addresses: z.array(z.string()) })),
  transferLockedUntil: isoDate.nullable().describe("Transfer Policy lock after a registration, transfer or change."),
});

/** What the registry answered to a change: its result code and our words for it. */
export const manageResult = z.object({ code: z.number().int(), message: z.string() });
