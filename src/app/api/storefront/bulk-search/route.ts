/**
 * Bulk search for the storefront of this host: the pasted names in, NDJSON out, one line per batch
 * of results as each registry answers, then a final {"done":n} line (or {"error":…}).
 */
import { z } from "zod";
import { clientAddress, requestArea } from "@/server/auth/request-host";
import { getSession } from "@/server/auth/require-context";
import { systemContext } from "@/server/context";
import { toPublicError } from "@/server/errors";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import { bulkSearch } from "@/server/domains/search/bulk-search";
import { limitBulkSearch } from "@/server/domains/search/limit-bulk-search";
import { readBodyJson } from "@/server/read-body";

const body = z.object({ names: z.string().max(200_000) });
// 200,000 characters of names, with room for multi-byte letters and JSON escapes.
const MAX_BODY_BYTES = 1024 * 1024;

/** The pasted names, or the response that refuses them (too large, malformed, too many searches). */
async function admit(req: Request, resellerId: string): Promise<{ names: string } | Response> {
  try {
    const parsed = body.safeParse(await readBodyJson(req, MAX_BODY_BYTES));
    if (!parsed.success) return Response.json({ error: "Send the names to search as text." }, { status: 400 });
    const session = await getSession();
    await limitBulkSearch({ resellerId, address: await clientAddress(), accountId: session?.ctx.actorId });
    return parsed.data;
  } catch (e) {
    const err = toPublicError(e);
    return Response.json({ error: err.message }, { status: err.status });
  }
}

export async function POST(req: Request) {
  const area = await requestArea();
  const storefront = area.area === "storefront" ? await findStorefrontByHost(area.host) : null;
  if (!storefront) return Response.json({ error: "No storefront lives at this address." }, { status: 404 });
  const admitted = await admit(req, storefront.id);
  if (admitted instanceof Response) return admitted;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const total = await bulkSearch(
          systemContext(storefront.id),
          { resellerId: storefront.id, text: admitted.names },
          (rows) => send({ rows }),
        );
        send({ done: total });
      } catch (e) {
        send({ error: toPublicError(e).message });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
