/**
 * GET one file of the marketing kit, or `marketing-kit.zip` for all of them, made for the signed-in
 * staff member's own reseller (any role may read). `?tld=` picks the headline price.
 */
import { z } from "zod";
import { requireContext } from "@/server/auth/require-context";
import { toPublicError } from "@/server/errors";
import { buildKitDownload } from "@/server/marketing/kit-files";

export const dynamic = "force-dynamic";

const query = z.object({
  tld: z
    .string()
    .regex(/^[a-z0-9-]{1,63}$/)
    .optional()
    .catch(undefined),
});

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  const ctx = await requireContext("console");
  const { name } = await params;
  const { tld } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const file = await buildKitDownload(ctx, ctx.resellerId, name, { tld });
    return new Response(file.body as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
        // Opened on its own, a file of the kit runs nothing on the console's origin.
        "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    const err = toPublicError(e);
    return new Response(err.message, { status: err.status });
  }
}
