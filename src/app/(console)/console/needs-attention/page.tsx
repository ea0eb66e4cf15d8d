/** The reseller's order items that stopped with the registry's outcome unknown, waiting for a person. */
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { listParkedItems } from "@/server/fulfilment/parked/list-parked-items";
import { loadConsole } from "../_lib/console-session";
import { ParkedTable } from "./_components/parked-table";

export const metadata: Metadata = { title: "Needs attention" };

export default async function NeedsAttentionPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { ctx, reseller } = await loadConsole();
  const list = await listParkedItems(ctx, { resellerId: reseller.id, page: pageParam((await searchParams).page) });
  return (
    <>
      <PageHeader
        title="Needs attention"
        description="Order items the platform stopped trying because it could not find out whether the registry carried them out. Open one to see the registry's answers, then try again or decide how it ended."
      />
      <ParkedTable rows={list.items} basePath="/console/needs-attention" />
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} basePath="/console/needs-attention" />
    </>
  );
}
