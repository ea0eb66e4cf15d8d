/**
 * Bulk search for the storefront of this host: the pasted names in, NDJSON out, one line per batch
 * of results as each registry answers, then a final {"done":n} line (or {"error":…}).
 */
import { z } from "zod";
import { requestArea } from "@/server/auth/request-host";
import { systemContext } from "@/server/context";
import { toPublicError } from "@/server/errors";
import { findStorefrontByHost } from "@/server/tenancy/find-storefront-by-host";
import { bulkSearch } from "@/server/domains/search/bulk-search";

const body = z.object({ names: z.string().max(200_000) });

export async function POST(req: Request) {
  const area = await requestArea();
  const storefront = area.area === "storefront" ? await findStorefrontByHost(area.host) : null;
  if (!storefront) return Response.json({ error: "No storefront lives at this address." }, { status: 404 });
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Send the names to search as text." }, { status: 400 });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const total = await bulkSearch(systemContext(storefront.id), { resellerId: storefront.id, text: parsed.data.names }, (rows) => send({ rows }));
        send({ done: total });
      } catch (e) {
        send({ error: toPublicError(e).message });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
