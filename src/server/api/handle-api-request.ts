/**
 * The reseller API for a server that speaks Web `Request`/`Response` (the Next route, in-process
 * tests): converts at this edge only and hands over to handleApiCall, which works on plain values
 * (decision 140). A node:http server uses node-api-listener.ts and builds no Web objects at all.
 */
import { readBodyText } from "@/server/read-body";
import { handleApiCall, type ApiOptions } from "./handle-api-call";

export { API_PREFIX, handleApiCall, type ApiAnswer, type ApiCall, type ApiOptions } from "./handle-api-call";

export async function handleApiRequest(request: Request, clientIp: string, opts: ApiOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  const answer = await handleApiCall(
    {
      method: request.method,
      target: url.pathname + url.search,
      headers,
      readBody: (maxBytes) => readBodyText(request, maxBytes),
    },
    clientIp,
    opts,
  );
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
