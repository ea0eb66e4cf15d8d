/** zod schemas for the registrar's incident forms: opening one, posting an update, resolving it, drafts. */
import { z } from "zod";
import { INCIDENT_SEVERITIES, OPEN_INCIDENT_STATES } from "@/lib/incident-words";

const body = z.string().trim().min(10, "Say what customers notice (at least 10 characters).").max(5_000);

export const openIncidentInput = z.object({
  title: z.string().trim().min(5, "Give the incident a short title.").max(160),
  severity: z.enum(INCIDENT_SEVERITIES, "Choose how bad it is."),
  components: z
    .array(z.string().trim().min(1).max(100))
    .min(1, "Tick at least one affected component.")
    .max(50)
    .transform((c) => [...new Set(c)]),
  body,
});
export type OpenIncidentInput = z.output<typeof openIncidentInput>;

export const postIncidentUpdateInput = z.object({
  incidentId: z.uuid(),
  state: z.enum(OPEN_INCIDENT_STATES, "Choose where things stand."),
  body,
});
export type PostIncidentUpdateInput = z.output<typeof postIncidentUpdateInput>;

export const resolveIncidentInput = z.object({ incidentId: z.uuid(), body });
export type ResolveIncidentInput = z.output<typeof resolveIncidentInput>;

/** A draft holds what an incident would publish; without draftId it is a new draft. */
export const saveIncidentDraftInput = openIncidentInput.extend({ draftId: z.uuid().optional() });
export type SaveIncidentDraftInput = z.output<typeof saveIncidentDraftInput>;

export const incidentDraftRef = z.object({ draftId: z.uuid() });
export type IncidentDraftRef = z.output<typeof incidentDraftRef>;
