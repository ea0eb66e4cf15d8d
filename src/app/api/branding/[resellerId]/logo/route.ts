/**
 * Serves a storefront's logo (public: storefront visitors see it on any of its hosts). The stored type
 * was decided from the file's bytes at upload; nosniff and a locked-down CSP keep a browser from
 * treating it as anything but that image.
 */
import { z } from "zod";
import { getLogo } from "@/server/tenancy/get-logo";

const NOT_FOUND = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });

export async function GET(request: Request, { params }: { params: Promise<{ resellerId: string }> }) {
  const id = z.uuid().safeParse((await params).resellerId);
  if (!id.success) return NOT_FOUND();
  const logo = await getLogo(id.data);
  if (!logo) return NOT_FOUND();
  // Links carry ?v=<upload time>, so a versioned URL never changes and can be cached for long.
  const versioned = new URL(request.url).searchParams.get("v") === String(logo.updatedAt?.getTime() ?? 0);
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      "Content-Type": logo.mime,
      "Content-Length": String(logo.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=60",
    },
  });
}
