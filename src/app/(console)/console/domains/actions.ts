"use server";
/** Domain management from the reseller console: each action through the action client, one service each. */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action-client";
import {
  deleteInput,
  dsInput,
  domainOnlyInput,
  nameserversInput,
  renewInput,
  restoreInput,
  toggleInput,
  transferAnswerInput,
} from "@/server/domains/manage/action-inputs";
import { deleteDomain } from "@/server/domains/manage/delete-domain";
import { requestRenewal, requestRestore } from "@/server/domains/renewals/request-renewal";
import { respondTransferOut } from "@/server/domains/manage/respond-transfer-out";
import { resetAuthCode, revealAuthCode } from "@/server/domains/manage/reveal-auth-code";
import { setAutoRenew } from "@/server/domains/manage/set-auto-renew";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import { setTransferLock } from "@/server/domains/manage/set-transfer-lock";
import { updateDsRecords } from "@/server/domains/manage/update-ds-records";
import { updateNameservers } from "@/server/domains/manage/update-nameservers";

const STAFF = ["owner", "admin", "support"] as const;
const done = <T extends { message: string }>(domainId: string, r: T) => {
  revalidatePath(`/console/domains/${domainId}`);
  return r;
};

export const renewDomainAction = defineAction({
  area: "console",
  roles: [...STAFF, "billing"],
  input: renewInput,
  handler: async (ctx, i) => {
    const r = await requestRenewal(ctx, { ...i, payment: "balance" });
    return done(i.domainId, { message: r.result?.message ?? "Renewal ordered.", ok: r.result?.ok ?? true });
  },
});

export const restoreDomainAction = defineAction({
  area: "console",
  roles: [...STAFF, "billing"],
  input: restoreInput,
  handler: async (ctx, i) => {
    const r = await requestRestore(ctx, { ...i, payment: "balance" });
    return done(i.domainId, { message: r.result?.message ?? "Restore ordered." });
  },
});

export const autoRenewAction = defineAction({
  area: "console",
  roles: STAFF,
  input: toggleInput,
  handler: async (ctx, i) => done(i.domainId, await setAutoRenew(ctx, { domainId: i.domainId, enabled: i.value })),
});
export const privacyAction = defineAction({
  area: "console",
  roles: STAFF,
  input: toggleInput,
  handler: async (ctx, i) => done(i.domainId, await setPrivacy(ctx, { domainId: i.domainId, enabled: i.value })),
});
export const lockAction = defineAction({
  area: "console",
  roles: STAFF,
  input: toggleInput,
  handler: async (ctx, i) => done(i.domainId, await setTransferLock(ctx, { domainId: i.domainId, locked: i.value })),
});
export const nameserversAction = defineAction({
  area: "console",
  roles: STAFF,
  input: nameserversInput,
  handler: async (ctx, i) => done(i.domainId, await updateNameservers(ctx, i)),
});
export const dsAction = defineAction({
  area: "console",
  roles: STAFF,
  input: dsInput,
  handler: async (ctx, i) => done(i.domainId, await updateDsRecords(ctx, i)),
});
export const revealAuthAction = defineAction({
  area: "console",
  roles: STAFF,
  input: domainOnlyInput,
  handler: async (ctx, i) => revealAuthCode(ctx, i),
});
export const resetAuthAction = defineAction({
  area: "console",
  roles: STAFF,
  input: domainOnlyInput,
  handler: async (ctx, i) => resetAuthCode(ctx, i),
});
export const transferAnswerAction = defineAction({
  area: "console",
  roles: STAFF,
  input: transferAnswerInput,
  handler: async (ctx, i) => done(i.domainId, await respondTransferOut(ctx, i)),
});
export const deleteDomainAction = defineAction({
  area: "console",
  roles: ["owner", "admin"],
  input: deleteInput,
  handler: async (ctx, i) => done(i.domainId, await deleteDomain(ctx, i)),
});
