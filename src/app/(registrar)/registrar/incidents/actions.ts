"use server";
/** Writing incidents and their drafts from the registrar console: registrar admins only (auditors read). */
import { defineAction } from "@/server/action-client";
import {
  incidentDraftRef,
  openIncidentInput,
  postIncidentUpdateInput,
  resolveIncidentInput,
  saveIncidentDraftInput,
} from "@/server/status/incident-inputs";
import { discardIncidentDraft, publishIncidentDraft, saveIncidentDraft } from "@/server/status/incident-drafts";
import { openIncident } from "@/server/status/open-incident";
import { postIncidentUpdate, resolveIncident } from "@/server/status/post-incident-update";

const ADMIN = ["registrar_admin"] as const;

export const openIncidentAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: openIncidentInput,
  handler: async (ctx, i) => {
    const incident = await openIncident(ctx, i);
    return { id: incident.id };
  },
  redirectTo: ({ id }) => `/registrar/incidents/${id}`,
});

export const postIncidentUpdateAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: postIncidentUpdateInput,
  handler: async (ctx, i) => {
    const update = await postIncidentUpdate(ctx, i);
    return { id: update.id };
  },
});

export const resolveIncidentAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: resolveIncidentInput,
  handler: async (ctx, i) => {
    const update = await resolveIncident(ctx, i);
    return { id: update.id };
  },
});

export const saveIncidentDraftAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: saveIncidentDraftInput,
  handler: (ctx, i) => saveIncidentDraft(ctx, i),
  redirectTo: ({ id }) => `/registrar/incidents/drafts/${id}`,
});

export const publishIncidentDraftAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: incidentDraftRef,
  handler: async (ctx, i) => {
    const incident = await publishIncidentDraft(ctx, i);
    return { id: incident.id };
  },
  redirectTo: ({ id }) => `/registrar/incidents/${id}`,
});

export const discardIncidentDraftAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: incidentDraftRef,
  handler: (ctx, i) => discardIncidentDraft(ctx, i),
  redirectTo: () => "/registrar/incidents",
});
