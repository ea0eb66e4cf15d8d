/**
 * A domain's contacts: read every role, replace one. A material change of registrant (name,
 * organisation, email) is not applied at once: the service starts the Transfer Policy's
 * confirmation by mail and the answer says so (`changeId`).
 */
import { z } from "zod";
import { getDomainContacts } from "@/server/domains/manage/contacts/get-domain-contacts";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";
import { CONTACT_ROLES } from "@/server/domains/manage/contacts/contact-policy";
import { defineRoute } from "./define-route";
import { contact, domainNameParam, isoDate, manageResult, noQuery } from "./schemas";
import { domainIdByName } from "./domain-by-name";

const role = z.enum(CONTACT_ROLES);

export const getContacts = defineRoute({
  method: "GET",
  path: "/domains/{name}/contacts",
  operationId: "getDomainContacts",
  summary: "The name's contacts by role, and a change of registrant waiting for confirmation.",
  scope: "read",
  params: domainNameParam,
  query: noQuery,
  body: null,
  response: z.object({
    policy: z.string().describe("Whether the TLD's registry takes contacts (thin registries take none)."),
    roles: z.array(
      z.object({ role, contact: contact.nullable(), sameAsRegistrant: z.boolean(), verified: z.boolean() }),
    ),
    pendingRegistrantChange: z.object({ id: z.string(), expiresAt: isoDate }).nullable(),
  }),
  handler: async (caller, { params }) => {
    const c = await getDomainContacts(caller.ctx, await domainIdByName(caller.ctx, params.name));
    return {
      policy: c.policy,
      roles: c.roles,
      pendingRegistrantChange: c.pending ? { id: c.pending.id, expiresAt: c.pending.expiresAt.toISOString() } : null,
    };
  },
});

export const setContact = defineRoute({
  method: "PUT",
  path: "/domains/{name}/contacts/{role}",
  operationId: "setDomainContact",
  summary: "Replace one contact of the name; a material change of registrant waits for both parties to confirm.",
  scope: "domains",
  params: domainNameParam.extend({ role }),
  query: noQuery,
  body: z.object({
    contact,
    lockOptOut: z
      .boolean()
      .default(false)
      .describe("Registrant changes only: the registrant asked not to be locked against transfers for 60 days."),
  }),
  response: manageResult.extend({ changeId: z.string().optional() }),
  handler: async (caller, { params, body }) =>
    updateDomainContact(caller.ctx, {
      domainId: await domainIdByName(caller.ctx, params.name),
      role: params.role,
      contact: body.contact,
      lockOptOut: body.lockOptOut,
    }),
});
