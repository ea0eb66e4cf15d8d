/** One order item waiting for a decision: the evidence, and (owners and admins) the three decisions. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/date-time";
import { formatMoney } from "@/lib/money";
import { isAppError } from "@/server/errors";
import { getParkedItem } from "@/server/fulfilment/parked/get-parked-item";
import { itemStateWords, itemTitle } from "@/server/fulfilment/parked/parked-words";
import { loadConsole } from "../../_lib/console-session";
import { ParkedEvidence } from "../_components/parked-evidence";
import { ParkedDecisions } from "../_components/parked-decisions";
import { DecidedNotice } from "../_components/decided-notice";
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
  const { item, order, run } = data;
  const title = itemTitle(item.kind, item.subject);
  const parked = item.state === "parked";
  return (
    <>
      <PageHeader
        title={title}
        description={
          parked ? (
            <>
              Waiting for a decision since <DateTime value={data.parkedAt} />.
            </>
          ) : (
            `No longer waiting for a decision. Now: ${itemStateWords(item.state)}.`
          )
        }
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/console/needs-attention">
            All items needing attention
          </Link>
        }
      />
      <div className="space-y-6">
        <DecidedNotice decided={(await searchParams).decided} />
        {parked && (
          <Notice tone="warning" title="Why it stopped">
            {run?.parkedReason ?? "No reason was recorded."} The platform could not find out whether the registry
            carried this out, so it stopped instead of guessing.
          </Notice>
        )}
        {parked && canManage && (
          <ParkedDecisions
            itemId={item.id}
            title={title}
            price={formatMoney(item.retailAmount, order.currency)}
            cost={formatMoney(item.wholesaleAmount, order.currency)}
            retry={retryParkedAction}
            resolve={resolveParkedAction}
          />
        )}
        {parked && !canManage && (
          <Notice tone="info">An owner or admin of an active reseller can try again or decide how this ended.</Notice>
        )}
        <ParkedEvidence data={data} />
      </div>
    </>
  );
}
