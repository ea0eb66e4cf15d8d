/** One order item waiting for a decision, for registrar staff: the evidence and (admins) the decisions. */
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
import { ParkedEvidence } from "@/app/(console)/console/needs-attention/_components/parked-evidence";
import { ParkedDecisions } from "@/app/(console)/console/needs-attention/_components/parked-decisions";
import { DecidedNotice } from "@/app/(console)/console/needs-attention/_components/decided-notice";
import { loadRegistrar } from "../../_lib/registrar-session";
import { resolveParkedAsRegistrar, retryParkedAsRegistrar } from "../actions";

export const metadata: Metadata = { title: "Order item needing attention" };

export default async function RegistrarParkedItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ itemId: string }>;
  searchParams: Promise<{ decided?: string }>;
}) {
  const { ctx, canWrite } = await loadRegistrar();
  const data = await getParkedItem(ctx, (await params).itemId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { item, order, run, reseller } = data;
  const title = itemTitle(item.kind, item.subject);
  const parked = item.state === "parked";
  return (
    <>
      <PageHeader
        title={title}
        description={
          parked ? (
            <>
              {reseller.displayName}: waiting for a decision since <DateTime value={data.parkedAt} />.
            </>
          ) : (
            `${reseller.displayName}: no longer waiting for a decision. Now: ${itemStateWords(item.state)}.`
          )
        }
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/needs-attention">
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
        {parked && canWrite && (
          <ParkedDecisions
            itemId={item.id}
            title={title}
            price={formatMoney(item.retailAmount, order.currency)}
            cost={formatMoney(item.wholesaleAmount, order.currency)}
            retry={retryParkedAsRegistrar}
            resolve={resolveParkedAsRegistrar}
          />
        )}
        <ParkedEvidence
          data={data}
          reseller={
            <Link className="text-indigo-700 underline" href={`/registrar/resellers/${reseller.id}`}>
              {reseller.displayName}
            </Link>
          }
        />
      </div>
    </>
  );
}
