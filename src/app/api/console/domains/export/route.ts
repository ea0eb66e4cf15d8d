/**
 * GET: the domains list as CSV with the list page's filters, streamed in keyset batches so 200,000
 * names never sit in memory. Reseller staff see their own domains, registrar staff everyone's.
 */
import { NextResponse } from "next/server";
import { getSession } from "@/server/auth/require-context";
import { streamDomainsCsv } from "@/server/domains/queries/export-domains-csv";
import { filterFromParams } from "@/app/(console)/console/domains/_components/domain-filters";
import { toListFilter } from "@/app/(console)/console/domains/_components/list-filter";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const session = await getSession();
  if (!session || (session.ctx.kind !== "user" && session.ctx.kind !== "registrar"))
    return NextResponse.json({ error: "Please sign in to continue." }, { status: 401 });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const filter = toListFilter(filterFromParams(params), 1_000);
  return new Response(streamDomainsCsv(session.ctx, filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="domains-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
