/** One customer: their domains and their orders. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { toUnicodeName } from "@/lib/domain-name";
import { formatMoney } from "@/lib/money";
import { orderItemKindWords, orderItemStateLabel } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { isAppError } from "@/server/errors";
import { getCustomerOrThrow } from "@/server/domains/queries/list-customers";
import { loadConsole } from "../../_lib/console-session";
import { DomainStateBadge } from "../../domains/_components/domain-state-badge";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadConsole();
  const data = await getCustomerOrThrow(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { customer, domains, orders } = data;
  return (
    <>
      <PageHeader
        title={customer.name}
        description={customer.email}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/console/customers">
            All customers
          </Link>
        }
      />
      <Card title="Account" className="mb-6">
        <DetailList
          items={[
            { label: "Email", value: customer.email },
            { label: "Customer since", value: customer.createdAt.toISOString().slice(0, 10) },
            { label: "Domains", value: String(domains.length) },
          ]}
        />
      </Card>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Domains</h2>
      <DataTable
        caption="Customer's domains"
        headers={["Domain", "State", "Expires", "Auto-renew"]}
        empty={domains.length ? undefined : <EmptyState title="No domains." />}
      >
        {domains.map((d) => (
          <tr key={d.id}>
            <Td>
              <Link className="font-medium text-indigo-700 underline" href={`/console/domains/${d.id}`}>
                {d.unicodeName}
              </Link>
            </Td>
            <Td>
              <DomainStateBadge state={d.state} />
            </Td>
            <Td>{d.expiresAt?.toISOString().slice(0, 10) ?? "—"}</Td>
            <Td>{d.autoRenew ? "on" : "off"}</Td>
          </tr>
        ))}
      </DataTable>
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Orders</h2>
      <DataTable
        caption="Customer's orders"
        headers={["Order", "Placed", "Items", "Total"]}
        empty={orders.length ? undefined : <EmptyState title="No orders." />}
      >
        {orders.map((o) => (
          <tr key={o.id}>
            <Td className="font-medium whitespace-nowrap">{shortOrderNumber(o.id)}</Td>
            <Td className="whitespace-nowrap">
              <DateTime value={o.createdAt} />
            </Td>
            <Td>
              {o.items
                .map(
                  (i) =>
                    `${orderItemKindWords(i.kind)} ${toUnicodeName(i.subject)} (${orderItemStateLabel(i.state, "staff")})`,
                )
                .join(", ")}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {formatMoney(
                o.items.reduce((sum, i) => sum + i.retailAmount, 0),
                o.currency,
              )}
            </Td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
