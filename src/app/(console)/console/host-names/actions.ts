"use server";
/** Host names from the reseller console: add, verify, remove, and (local DNS only) publish the answer. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { addHostName } from "@/server/tenancy/add-host-name";
import { publishLocalVerification, publishLocalVerificationInput } from "@/server/tenancy/publish-local-verification";
import { removeHostName, removeHostNameInput } from "@/server/tenancy/remove-host-name";
import { verifyHostName, verifyHostNameInput } from "@/server/tenancy/verify-host-name";
import { AppError } from "@/server/errors";

const MANAGERS = ["owner", "admin"] as const;
const done = () => revalidatePath("/console/host-names");

export const addHost = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ host: z.string().max(260) }),
  handler: async (ctx, input) => {
    const row = await addHostName(ctx, { resellerId: ctx.resellerId, host: input.host });
    done();
    return { id: row.id, host: row.host };
  },
});

export const checkHost = defineAction({
  area: "console",
  roles: MANAGERS,
  input: verifyHostNameInput,
  handler: async (ctx, input) => {
    const outcome = await verifyHostName(ctx, input);
    done();
    // A failed check is news for the form, shown like any refusal.
    if (!outcome.verified) throw new AppError("CONFLICT", `Not verified yet. ${outcome.reason}`);
    return outcome;
  },
});

export const removeHost = defineAction({
  area: "console",
  roles: MANAGERS,
  input: removeHostNameInput,
  handler: async (ctx, input) => {
    await removeHostName(ctx, input);
    done();
    return { removed: true };
  },
});

export const publishLocalAnswer = defineAction({
  area: "console",
  roles: MANAGERS,
  input: publishLocalVerificationInput,
  handler: async (ctx, input) => {
    const published = await publishLocalVerification(ctx, input);
    done();
    return published;
  },
});
