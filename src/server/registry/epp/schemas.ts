/** zod shapes of what the EPP adapter extracts from responses; a registry answering otherwise is a protocol error. */
import { z } from "zod";

const instant = z.iso.datetime({ offset: true });
const money = z.object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });
const fee = z.object({ fees: z.array(money), credits: z.array(money), balance: money.optional() });
const dsRecord = z.object({
  keyTag: z.number().int(),
  alg: z.number().int(),
  digestType: z.number().int(),
  digest: z.string(),
});
const dnsKey = z.object({
  flags: z.number().int(),
  protocol: z.number().int(),
  alg: z.number().int(),
  pubKey: z.string(),
});
const feeQuote = z.object({
  command: z.enum(["create", "delete", "renew", "update", "transfer", "restore", "custom"]),
  customName: z.string().optional(),
  period: z.object({ value: z.number().int().min(1), unit: z.enum(["y", "m"]) }).optional(),
  phase: z.string().optional(),
  subphase: z.string().optional(),
  price: money.optional(),
  standard: z.boolean(),
  reason: z.string().optional(),
});
const contactLink = z.object({ type: z.enum(["admin", "tech", "billing"]), id: z.string() });

export const envelopeSchema = z.object({
  code: z.number().int().min(1000).max(2599),
  message: z.string(),
  value: z.string().optional(),
  clTRID: z.string().optional(),
  svTRID: z.string().min(3),
  msgQ: z
    .object({
      count: z.number().int().min(0),
      id: z.string().optional(),
      qDate: instant.optional(),
      msg: z.string().optional(),
    })
    .optional(),
});

export const domainCheckSchema = z.array(
  z.object({
    name: z.string(),
    available: z.boolean(),
    reason: z.string().optional(),
    phase: z.string().optional(),
    premium: z.boolean(),
    prices: z.partialRecord(z.enum(["create", "renew", "transfer", "restore"]), money),
    quotes: z.array(feeQuote).optional(),
    feeReason: z.string().optional(),
  }),
);

export const claimsCheckSchema = z.array(
  z.object({
    name: z.string(),
    claim: z.boolean(),
    claimKey: z.string().optional(),
    claimKeys: z.array(z.object({ key: z.string(), validatorId: z.string().optional() })).optional(),
    phase: z.string(),
    customPhase: z.string().optional(),
  }),
);

export const domainCreatedSchema = z.object({
  name: z.string(),
  createdAt: instant,
  expiresAt: instant.optional(),
  pending: z.boolean(),
  applicationId: z.string().optional(),
  fee: fee.optional(),
});

export const domainInfoSchema = z.object({
  name: z.string(),
  roid: z.string(),
  // RFC 5731 lets a registry leave statuses out, e.g. for a client that is not the sponsor.
  statuses: z.array(z.string()),
  registrant: z.string().optional(),
  contacts: z.array(contactLink),
  nameservers: z.array(z.string()).optional(),
  subordinateHosts: z.array(z.string()),
  sponsor: z.string(),
  createdBy: z.string().optional(),
  createdAt: instant.optional(),
  updatedBy: z.string().optional(),
  updatedAt: instant.optional(),
  expiresAt: instant.optional(),
  transferredAt: instant.optional(),
  authInfo: z.string().optional(),
  rgpStatuses: z.array(z.string()),
  ds: z.array(dsRecord),
  dnsKeys: z.array(dnsKey).optional(),
  maxSigLife: z.number().int().min(1).optional(),
  nameserverAddresses: z.record(z.string(), z.array(z.string())).optional(),
  launch: z
    .object({
      phase: z.string(),
      customPhase: z.string().optional(),
      applicationId: z.string().optional(),
      status: z.string().optional(),
      statusText: z.string().optional(),
    })
    .optional(),
});

export const renewedSchema = z.object({ name: z.string(), expiresAt: instant.optional(), fee: fee.optional() });

export const transferSchema = z.object({
  name: z.string(),
  status: z.enum([
    "pending",
    "clientApproved",
    "clientCancelled",
    "clientRejected",
    "serverApproved",
    "serverCancelled",
  ]),
  requestedBy: z.string(),
  requestedAt: instant,
  actionBy: z.string(),
  actionDeadline: instant,
  expiresAt: instant.optional(),
  fee: fee.optional(),
});

export const objectCheckSchema = z.array(
  z.object({ id: z.string(), available: z.boolean(), reason: z.string().optional() }),
);

export const hostInfoSchema = z.object({
  name: z.string(),
  roid: z.string(),
  statuses: z.array(z.string()).min(1),
  addresses: z.array(z.string()),
  sponsor: z.string(),
  createdAt: instant,
  updatedAt: instant.optional(),
});

const postal = z.object({
  type: z.enum(["int", "loc"]),
  name: z.string(),
  org: z.string().optional(),
  street: z.array(z.string()),
  city: z.string(),
  sp: z.string().optional(),
  pc: z.string().optional(),
  cc: z.string(),
});

export const contactInfoSchema = z.object({
  id: z.string(),
  roid: z.string(),
  statuses: z.array(z.string()).min(1),
  postal: z.array(postal).min(1),
  voice: z.string().optional(),
  fax: z.string().optional(),
  email: z.string(),
  sponsor: z.string(),
  createdAt: instant,
  updatedAt: instant.optional(),
  authInfo: z.string().optional(),
});

export const createdObjectSchema = z.object({ createdAt: instant });

export const pollEventSchema = z.union([
  transferSchema.extend({ kind: z.literal("transfer") }),
  z.object({ kind: z.literal("renewal"), name: z.string(), expiresAt: instant }),
  z.object({
    kind: z.literal("pendingAction"),
    name: z.string(),
    success: z.boolean(),
    clTRID: z.string().optional(),
    svTRID: z.string(),
    at: instant,
  }),
]);
