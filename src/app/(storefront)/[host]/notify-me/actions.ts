"use server";
/** A visitor asks to be told by mail when a TLD (or a name's TLD) enters its next phases. */
import { z } from "zod";
import { definePublicAction } from "@/server/action-client";
import { registerInterest } from "@/server/launch/interest/register-interest";

export const followLaunchByMail = definePublicAction({
  area: "storefront",
  input: z.object({ subject: z.string().max(253), email: z.string().max(254) }),
  handler: async (req, interest) => {
    await registerInterest(null, { resellerId: req.storefront.id, interest });
    return { subject: interest.subject };
  },
});
