/** GET: a bulk job's progress as JSON, for the progress bar's polling. Reseller staff of its tenant only. */
import { NextResponse } from "next/server";
import { toPublicError } from "@/server/errors";
import { getSession } from "@/server/auth/require-context";
import { getBulkJobOrThrow } from "@/server/domains/bulk/get-bulk-job";
import { toView } from "@/app/(console)/console/bulk/[id]/_components/bulk-view";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session || session.ctx.kind !== "user")
    return NextResponse.json({ error: "Please sign in to continue." }, { status: 401 });
  try {
    const job = await getBulkJobOrThrow(session.ctx, (await params).id);
    return NextResponse.json(toView(job), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    const p = toPublicError(e);
    return NextResponse.json({ error: p.message }, { status: p.status });
  }
}
