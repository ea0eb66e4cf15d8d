/**
 * The reseller API (/api/v1/…): Next only hands the request over. Everything else is the
 * framework-free handler layer in src/server/api. The API lives on the console host; on a
 * storefront host these paths answer 404 like any unknown route.
 */
import { env } from "@/env";
import { hostArea, requestHostHeader } from "@/lib/host-area";
import { clientAddressFrom } from "@/server/auth/client-address";
import { handleApiRequest } from "@/server/api/handle-api-request";
import { problem, problemResponse } from "@/server/api/problem";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  if (hostArea(requestHostHeader(request.headers), env().CONSOLE_HOST).area !== "console")
    return problemResponse(problem("NOT_FOUND", "There is no such API route."));
  const clientIp = clientAddressFrom(request.headers.get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
  return handleApiRequest(request, clientIp);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
