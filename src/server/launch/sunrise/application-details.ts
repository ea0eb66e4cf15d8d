/**
 * What a `sunrise_application` order item carries (OrderItem.details) from the application to its
 * allocation, parsed with zod on the way out. The registry's application id and status are written
 * back here once known, so the storefront shows them without asking the registry.
 */
import { z } from "zod";

import { APPLICATION_STATUSES } from "@/server/launch/shared/application-statuses";

export { APPLICATION_STATUSES, type ApplicationStatus } from "@/server/launch/shared/application-statuses";

export const sunriseDetailsSchema = z.object({
  unicodeName: z.string(),
  encodedSignedMark: z.string().min(1),
  smdId: z.string(),
  /** The platform mark the SMD came from; null for an uploaded SMD file. */
  markId: z.string().nullable(),
  /** The registry's sunrise fee for the whole period (USD minor units), agreed to in the create. */
  registryFeeUsd: z.number().int().positive(),
  applicationId: z.string().optional(),
  applicationStatus: z.enum(APPLICATION_STATUSES).optional(),
  /** The registrant's contact, sent as registrant, admin and tech; null on items placed before applications carried one. */
  contactId: z.string().nullable().default(null),
  /** The auth code sent with the create (encrypted): the domain row keeps it once allocated. */
  authCodeEnc: z.string().optional(),
});

export type SunriseDetails = z.infer<typeof sunriseDetailsSchema>;
