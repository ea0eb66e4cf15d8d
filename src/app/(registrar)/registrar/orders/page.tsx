/** Orders across all resellers, failures first. */
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { listOrders } from "@/server/domains/queries/list-orders";
import { OrdersTable } from "@/app/(console)/console/orders/_components/orders-table";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Orders" };

export default async function RegistrarOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; failed?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const page = Math.max(Number(sp.page) || 1, 1);
  const rows = await listOrders(ctx, { page, failedOnly: sp.failed === "1" });
  return (
    <>
      <PageHeader
        title="Orders"
        description="Every reseller's orders; any order with a failed item, or one waiting for a person, comes first."
        actions={
          <Link
            className="text-sm font-medium text-indigo-700 underline"
            href={sp.failed === "1" ? "/registrar/orders" : "/registrar/orders?failed=1"}
          >
            {sp.failed === "1" ? "Show all" : "Only failures"}
          </Link>
        }
      />
      <OrdersTable rows={rows} showReseller attentionHref="/registrar/needs-attention" />
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {page > 1 ? (
          <Link className="underline" href={`/registrar/orders?page=${page - 1}`}>
            Previous
          </Link>
        ) : (
          <span />
        )}
        {rows.length === 50 && (
          <Link className="underline" href={`/registrar/orders?page=${page + 1}`}>
            Next
          </Link>
        )}
      </nav>
    </>
  );
}
