/**
 * One parked order item: why it stopped, the decisions for whoever may take them, and the evidence.
 * Both consoles render it; each passes its own actions, back link and (registrar) the reseller's name.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import type { FormAction } from "@/components/action-form";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/date-time";
import { formatMoney } from "@/lib/money";
import type { ParkedItemDetail } from "@/server/fulfilment/parked/get-parked-item";
import { itemStateWords, itemTitle } from "@/server/fulfilment/parked/parked-words";
import { ParkedEvidence } from "./parked-evidence";
import { ParkedDecisions } from "./parked-decisions";
import { DecidedNotice } from "./decided-notice";

type Props = {
  data: ParkedItemDetail;
  decided: string | undefined;
  backHref: string;
  /** Said before the state in the header, e.g. the reseller's name in the registrar console. */
  whose?: string;
  canDecide: boolean;
  /** Shown to someone who may read but not decide. */
  cannotDecide?: ReactNode;
  retry: FormAction;
  resolve: FormAction;
  reseller?: ReactNode;
};

export function ParkedItemView({
  data,
  decided,
  backHref,
  whose,
  canDecide,
  cannotDecide,
  retry,
  resolve,
  reseller,
}: Props) {
  const { item, order, run } = data;
  const title = itemTitle(item.kind, item.subject);
  const parked = item.state === "parked";
  // "Acme: waiting for…" in the registrar console, "Waiting for…" in the reseller's own.
  const said = (s: string) => (whose ? `${whose}: ${s.charAt(0).toLowerCase()}${s.slice(1)}` : s);
  return (
    <>
      <PageHeader
        title={title}
        description={
          parked ? (
            <>
              {said("Waiting")} for a decision since <DateTime value={data.parkedAt} />.
            </>
          ) : (
            said(`No longer waiting for a decision. Now: ${itemStateWords(item.state)}.`)
          )
        }
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href={backHref}>
            All items needing attention
          </Link>
        }
      />
      <div className="space-y-6">
        <DecidedNotice decided={decided} />
        {parked && (
          <Notice tone="warning" title="Why it stopped">
            {run?.parkedReason ?? "No reason was recorded."} The platform could not find out whether the registry
            carried this out, so it stopped instead of guessing.
          </Notice>
        )}
        {parked && canDecide && (
          <ParkedDecisions
            itemId={item.id}
            title={title}
            price={formatMoney(item.retailAmount, order.currency)}
            cost={formatMoney(item.wholesaleAmount, order.currency)}
            retry={retry}
            resolve={resolve}
          />
        )}
        {parked && !canDecide && cannotDecide}
        <ParkedEvidence data={data} reseller={reseller} />
      </div>
    </>
  );
}
