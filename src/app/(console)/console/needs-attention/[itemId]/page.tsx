/** One order item waiting for a decision: the evidence, and (owners and admins) the three decisions. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/notice";
import { isAppError } from "@/server/errors";
import { getParkedItem } from "@/server/fulfilment/parked/get-parked-item";
import { loadConsole } from "../../_lib/console-session";
import { ParkedItemView } from "../_components/parked-item-view";
import { resolveParkedAction, retryParkedAction } from "../actions";

export const metadata: Metadata = { title: "Order item needing attention" };

export default async function ParkedItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ itemId: string }>;
  searchParams: Promise<{ decided?: string }>;
}) {
  const { ctx, canManage } = await loadConsole();
  const data = await getParkedItem(ctx, (await params).itemId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <ParkedItemView
      data={data}
      decided={(await searchParams).decided}
      backHref="/console/needs-attention"
      canDecide={canManage}
      cannotDecide={
        <Notice tone="info">An owner or admin of an active reseller can try again or decide how this ended.</Notice>
      }
      retry={retryParkedAction}
      resolve={resolveParkedAction}
    />
  );
}
