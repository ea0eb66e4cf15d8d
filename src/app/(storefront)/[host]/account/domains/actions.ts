"use server";
/**
 * A registrant managing their own domains on this storefront. Renewals and restores become orders
 * paid at checkout; everything else goes straight to the registry through the same services as the console.
 */
import { revalidatePath } from "next/cache";
import { env } from "@/env";
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
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";

const done = <T extends { message: string }>(r: T) => {
  revalidatePath("/account/domains", "layout");
  return r;
};

async function checkout(ctx: Parameters<typeof startOrderCheckout>[0], orderId: string, host: string) {
  const { url } = await startOrderCheckout(ctx, { orderId, storefrontOrigin: `${env().PUBLIC_SCHEME}://${host}` });
  return { message: "Taking you to payment…", redirect: url };
}

export const renewOwnDomain = defineAction({
  area: "storefront",
  input: renewInput,
  handler: async (ctx, i, req) => checkout(ctx, (await requestRenewal(ctx, i)).orderId, req.host),
});
export const restoreOwnDomain = defineAction({
  area: "storefront",
  input: restoreInput,
  handler: async (ctx, i, req) => checkout(ctx, (await requestRestore(ctx, i)).orderId, req.host),
});
export const autoRenewOwn = defineAction({
  area: "storefront",
  input: toggleInput,
  handler: async (ctx, i) => done(await setAutoRenew(ctx, { domainId: i.domainId, enabled: i.value })),
});
export const privacyOwn = defineAction({
  area: "storefront",
  input: toggleInput,
  handler: async (ctx, i) => done(await setPrivacy(ctx, { domainId: i.domainId, enabled: i.value })),
});
export const lockOwn = defineAction({
  area: "storefront",
  input: toggleInput,
  handler: async (ctx, i) => done(await setTransferLock(ctx, { domainId: i.domainId, locked: i.value })),
});
export const nameserversOwn = defineAction({
  area: "storefront",
  input: nameserversInput,
  handler: async (ctx, i) => done(await updateNameservers(ctx, i)),
});
export const dsOwn = defineAction({
  area: "storefront",
  input: dsInput,
  handler: async (ctx, i) => done(await updateDsRecords(ctx, i)),
});
export const revealOwnAuth = defineAction({
  area: "storefront",
  input: domainOnlyInput,
  handler: async (ctx, i) => revealAuthCode(ctx, i),
});
export const resetOwnAuth = defineAction({
  area: "storefront",
  input: domainOnlyInput,
  handler: async (ctx, i) => resetAuthCode(ctx, i),
});
export const answerOwnTransfer = defineAction({
  area: "storefront",
  input: transferAnswerInput,
  handler: async (ctx, i) => done(await respondTransferOut(ctx, i)),
});
export const deleteOwnDomain = defineAction({
  area: "storefront",
  input: deleteInput,
  handler: async (ctx, i) => done(await deleteDomain(ctx, i)),
});
