/**
 * RDAP (RFC 9082/9083) at /rdap/… on every host, and at the root of RDAP_HOST (rewritten here by
 * src/proxy.ts). All of it lives in src/server/rdap; this file only hands the request over.
 */
import { answerRdap } from "@/server/rdap/answer-rdap";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return answerRdap(request);
}

export function HEAD(request: Request): Promise<Response> {
  return answerRdap(request);
}

export function OPTIONS(request: Request): Promise<Response> {
  return answerRdap(request);
}
