/** zod schemas for reveal requests: the public form, the registrant's answer, the registrar's decision. */
import { z } from "zod";

export const REQUESTER_KINDS = ["law_enforcement", "rights_holder", "complainant"] as const;

/** What the public form takes; every field bounded so one post stays small. */
export const revealRequestInput = z.object({
  domainName: z.string().trim().min(3, "Enter the domain name.").max(253),
  requesterKind: z.enum(REQUESTER_KINDS, { error: "Choose who you are asking as." }),
  requesterName: z.string().trim().min(2, "Enter your name.").max(200),
  requesterEmail: z.email("Enter an email address we can answer.").max(254),
  requesterOrganisation: z.string().trim().max(200).default(""),
  reason: z
    .string()
    .trim()
    .min(20, "State your legitimate interest and why you need the registrant's data (at least 20 characters).")
    .max(5000),
  evidence: z.string().trim().max(10_000).default(""),
});
export type RevealRequestInput = z.output<typeof revealRequestInput>;

export const answerRevealRequestInput = z.object({
  requestId: z.uuid(),
  position: z.enum(["consent", "object"], { error: "Choose whether you agree to the disclosure." }),
  answer: z.string().trim().max(5000).default(""),
});

export const decideRevealRequestInput = z.object({
  requestId: z.uuid(),
  decision: z.enum(["acknowledge", "disclose", "refuse"]),
  reason: z.string().trim().max(2000).default(""),
});
