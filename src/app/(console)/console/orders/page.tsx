/** The reseller's orders: any order with a failed item first, then newest first. */
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { listOrders } from "@/server/domains/queries/list-orders";
import { loadConsole } from "../_lib/console-session";
import { OrdersTable } from "./_components/orders-table";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; failed?: string }>;
}) {
  const { ctx, reseller } = await loadConsole();
  const sp = await searchParams;
  const page = Math.max(Number(sp.page) || 1, 1);
  const rows = await listOrders(ctx, { resellerId: reseller.id, page, failedOnly: sp.failed === "1" });
  return (
    <>
      <PageHeader
        title="Orders"
        description="Orders that need someone (a failed item, or one waiting for a person) come first."
        actions={
          <Link
            className="text-sm font-medium text-indigo-700 underline"
            href={sp.failed === "1" ? "/console/orders" : "/console/orders?failed=1"}
          >
            {sp.failed === "1" ? "Show all" : "Only failures"}
          </Link>
        }
      />
      <OrdersTable rows={rows} attentionHref="/console/needs-attention" />
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {page > 1 ? (
          <Link className="underline" href={`/console/orders?page=${page - 1}${sp.failed === "1" ? "&failed=1" : ""}`}>
            Previous
          </Link>
        ) : (
          <span />
        )}
        {rows.length === 50 && (
          <Link className="underline" href={`/console/orders?page=${page + 1}${sp.failed === "1" ? "&failed=1" : ""}`}>
            Next
          </Link>
        )}
      </nav>
    </>
  );
}
