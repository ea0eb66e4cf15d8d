"use server";
/** Data-subject requests on a storefront: a signed-in registrant's own, or anyone's by a mailed link. */
import { z } from "zod";
import { defineAction, definePublicAction } from "@/server/action-client";
import { confirmDataRequestInput, subjectRequestInput } from "@/server/data-requests/data-request-inputs";
import {
  confirmDataRequest,
  submitOwnSubjectRequest,
  submitSubjectRequestByMail,
} from "@/server/data-requests/submit-data-request";

export const requestOwnData = defineAction({
  area: "storefront",
  input: subjectRequestInput.omit({ email: true }),
  handler: (ctx, i) => submitOwnSubjectRequest({ id: ctx.actorId, resellerId: ctx.resellerId }, i),
});

export const requestDataByMail = definePublicAction({
  area: "storefront",
  input: subjectRequestInput.extend({ email: z.email("Enter the email address of your account.").max(254) }),
  handler: (req, i) =>
    submitSubjectRequestByMail({ clientAddress: req.clientAddress, resellerId: req.storefront.id, host: req.host }, i),
});

export const confirmDataRequestAction = definePublicAction({
  area: "storefront",
  input: confirmDataRequestInput,
  handler: (_req, i) => confirmDataRequest(i.token),
});
