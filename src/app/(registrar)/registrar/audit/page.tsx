/** The audit log: every change of state, newest first, filterable by reseller, with a chain check. */
import type { Metadata } from "next";
import { z } from "zod";
import { buttonClasses } from "@/components/button";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { controlClasses } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { auditActionLabel } from "@/lib/audit-labels";
import { pageParam } from "@/lib/pagination";
import { listAuditEntries } from "@/server/tenancy/list-audit-entries";
import { listResellers } from "@/server/tenancy/list-resellers";
import { loadRegistrar } from "../_lib/registrar-session";
import { VerifyChainButton } from "./_components/verify-chain-button";

export const metadata: Metadata = { title: "Audit log" };

type Search = { reseller?: string; page?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const resellerId = z.uuid().safeParse(sp.reseller).data;
  const [entries, resellers] = await Promise.all([
    listAuditEntries(ctx, { resellerId, page: pageParam(sp.page) }),
    listResellers(ctx, { pageSize: 100 }),
  ]);
  const names = new Map(resellers.items.map((r) => [r.id, r.displayName]));
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Append-only, one chain per reseller and one for the registrar: each entry's keyed MAC seals the one before it."
      />
      <Card className="mb-4">
        <VerifyChainButton names={Object.fromEntries(names)} />
      </Card>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="reseller" className="block text-sm font-medium text-slate-800">
            Reseller
          </label>
          <select
            id="reseller"
            name="reseller"
            defaultValue={resellerId ?? ""}
            className={`${controlClasses(false)} mt-1 w-64`}
          >
            <option value="">All entries</option>
            {resellers.items.map((r) => (
              <option key={r.id} value={r.id}>
                {r.displayName}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
      </form>
      <DataTable
        caption="Audit entries"
        headers={["#", "When", "Actor", "Reseller", "Action", "Details"]}
        empty={entries.items.length === 0 ? <EmptyState title="No entries" /> : undefined}
      >
        {entries.items.map((e) => (
          <tr key={e.seq.toString()}>
            <Td className="font-mono text-xs">{e.seq.toString()}</Td>
            <Td className="whitespace-nowrap">
              <DateTime value={e.at} />
            </Td>
            <Td>
              {e.actorType}
              {e.actorId && <span className="block font-mono text-xs text-slate-500">{e.actorId.slice(0, 8)}</span>}
            </Td>
            <Td>{e.resellerId ? (names.get(e.resellerId) ?? e.resellerId.slice(0, 8)) : "—"}</Td>
            <Td>
              <span className="font-medium">{auditActionLabel(e.action)}</span>
              <span className="block text-xs text-slate-500">
                {e.entity} {e.entityId?.slice(0, 8)}
              </span>
            </Td>
            <Td>
              <details>
                <summary className="cursor-pointer text-sm text-indigo-700">Before / after</summary>
                <pre className="mt-2 max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">
                  {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                </pre>
              </details>
            </Td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        page={entries.page}
        pageCount={entries.pageCount}
        total={entries.total}
        basePath="/registrar/audit"
        params={{ reseller: resellerId }}
      />
    </>
  );
}
