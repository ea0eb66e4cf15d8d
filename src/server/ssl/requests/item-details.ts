/**
 * What an ssl_issue or ssl_reissue order item carries from checkout to the provisioner (OrderItem.details):
 * the checked CSR and its report, the names, the DCV method and, for OV/EV, the organisation.
 */
import { z } from "zod";

const dcvMethod = z.enum(["dns-txt", "http-file", "email"]);

const organisation = z.object({
  name: z.string().trim().min(1).max(200),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/),
  locality: z.string().trim().max(128).optional(),
  region: z.string().trim().max(128).optional(),
  registrationNumber: z.string().trim().max(64).optional(),
});

const csrFields = {
  csrPem: z.string().min(1),
  names: z.array(z.string()).min(1),
  csrInspection: z.record(z.string(), z.unknown()),
  dcvMethod,
  dcvEmail: z.record(z.string(), z.email()).optional(),
};

export const sslIssueDetailsSchema = z.object({
  ...csrFields,
  level: z.enum(["dv", "ov", "ev"]),
  coverage: z.enum(["single", "wildcard", "multi"]),
  sanCount: z.number().int().min(1),
  organisation: organisation.optional(),
});

export const sslReissueDetailsSchema = z.object({
  ...csrFields,
  subscriptionId: z.string(),
  replacesId: z.string(),
  keyCompromise: z.boolean(),
});

export const organisationSchema = organisation;
export type SslIssueDetails = z.infer<typeof sslIssueDetailsSchema>;
export type SslReissueDetails = z.infer<typeof sslReissueDetailsSchema>;
