/** Every reseller's order items waiting for a person's decision, optionally one reseller's. */
import type { Metadata } from "next";
import { z } from "zod";
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { listParkedItems } from "@/server/fulfilment/parked/list-parked-items";
import { listResellers } from "@/server/tenancy/list-resellers";
import { ParkedTable } from "@/app/(console)/console/needs-attention/_components/parked-table";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Needs attention" };

type Search = { reseller?: string; page?: string };

export default async function RegistrarNeedsAttentionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const resellerId = z.uuid().safeParse(sp.reseller).data;
  const [list, resellers] = await Promise.all([
    listParkedItems(ctx, { resellerId, page: pageParam(sp.page) }),
    listResellers(ctx, { pageSize: 100 }),
  ]);
  return (
    <>
      <PageHeader
        title="Needs attention"
        description="Order items the platform stopped trying because it could not find out whether the registry carried them out. Longest waiting first."
      />
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
            <option value="">All resellers</option>
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
      <ParkedTable rows={list.items} basePath="/registrar/needs-attention" showReseller />
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath="/registrar/needs-attention"
        params={{ reseller: resellerId }}
      />
    </>
  );
}
