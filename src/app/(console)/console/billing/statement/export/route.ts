/** CSV export of the statement, streamed page by page so any size of ledger exports in constant memory. */
import { requireContext } from "@/server/auth/require-context";
import { toPublicError } from "@/server/errors";
import { streamStatementCsv } from "@/server/billing/list-statement";
import { parseStatementQuery } from "../../_components/statement-query";

export async function GET(request: Request): Promise<Response> {
  const ctx = await requireContext("console");
  const url = new URL(request.url);
  const { filter } = parseStatementQuery(Object.fromEntries(url.searchParams));
  const rows = streamStatementCsv(ctx, ctx.resellerId, filter);
  try {
    // Pull the header first so an authorisation failure answers with a status, not a broken stream.
    const first = await rows.next();
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    const name = `statement-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    const err = toPublicError(e);
    return new Response(err.message, { status: err.status });
  }
}
