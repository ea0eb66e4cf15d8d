/** zod schemas for data-subject and disclosure requests and the registrar's decisions on them. */
import { z } from "zod";

export const subjectRequestInput = z.object({
  kind: z.enum(["access", "correction", "deletion"], { error: "Choose what you ask for." }),
  email: z.email("Enter the email address of your account.").max(254).optional(),
  details: z.string().trim().max(5000).default(""),
});

export const disclosureRequestInput = z.object({
  requesterName: z.string().trim().min(2, "Enter your name.").max(200),
  requesterEmail: z.email("Enter an email address we can answer.").max(254),
  requesterOrganisation: z.string().trim().max(200).default(""),
  domainName: z.string().trim().min(3, "Enter the domain name.").max(253),
  legalBasis: z.string().trim().min(10, "State your legitimate interest and legal basis.").max(2000),
  details: z.string().trim().max(5000).default(""),
});

export const confirmDataRequestInput = z.object({ token: z.string().min(20).max(200) });

export const decideDataRequestInput = z.object({
  requestId: z.uuid(),
  decision: z.enum(["acknowledge", "complete", "refuse"]),
  reason: z.string().trim().max(2000).default(""),
});
