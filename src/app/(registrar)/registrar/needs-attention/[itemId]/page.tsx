/** One order item waiting for a decision, for registrar staff: the evidence and (admins) the decisions. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isAppError } from "@/server/errors";
import { getParkedItem } from "@/server/fulfilment/parked/get-parked-item";
import { ParkedItemView } from "@/app/(console)/console/needs-attention/_components/parked-item-view";
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
  const { reseller } = data;
  return (
    <ParkedItemView
      data={data}
      decided={(await searchParams).decided}
      backHref="/registrar/needs-attention"
      whose={reseller.displayName}
      canDecide={canWrite}
      retry={retryParkedAsRegistrar}
      resolve={resolveParkedAsRegistrar}
      reseller={
        <Link className="text-indigo-700 underline" href={`/registrar/resellers/${reseller.id}`}>
          {reseller.displayName}
        </Link>
      }
    />
  );
}
