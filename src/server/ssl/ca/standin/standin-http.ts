/**
 * One HTTP call to the stand-in, with its failures in the port's terms. A request that may have
 * reached the CA (a POST that timed out, lost its connection or got a 500) is reported with
 * mayHaveTakenEffect, so the caller asks again (orders are idempotent on externalId) instead of
 * assuming nothing happened.
 */
import type { z } from "zod";
import { CaError } from "../port";
import { errorSchema } from "./standin-schemas";

export type StandInHttpOptions = {
  baseUrl: string;
  apiKey?: string;
  /** Per request; a slow CA is reported as unavailable after this. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export async function callStandIn<T>(
  o: StandInHttpOptions,
  method: "GET" | "POST",
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const doFetch = o.fetch ?? fetch;
  const mutating = method === "POST";
  let res: Response;
  let text: string;
  try {
    res = await doFetch(`${o.baseUrl.replace(/\/$/, "")}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
    text = await res.text();
  } catch (e) {
    const timedOut = (e as Error).name === "TimeoutError";
    throw new CaError(
      "unavailable",
      timedOut
        ? `The CA did not answer ${method} ${path} in time.`
        : `The CA could not be reached: ${(e as Error).message}`,
      mutating,
      { cause: e },
    );
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const parsed = errorSchema.safeParse(json);
    throw caErrorOf(
      res.status,
      parsed.success ? parsed.data.error.message : `HTTP ${res.status} from the CA`,
      mutating,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new CaError("unavailable", `The CA's answer to ${method} ${path} was not understood.`, mutating);
  }
  return parsed.data;
}

/** The port's error for an HTTP status, the whole call's or (in a batch answer) one item's. */
export function caErrorOf(status: number, message: string, mutating: boolean): CaError {
  if (status === 404) return new CaError("not_found", message);
  if (status === 429) return new CaError("rate_limited", message);
  if (status === 503) return new CaError("unavailable", message);
  if (status >= 500) return new CaError("unavailable", message, mutating);
  return new CaError("refused", message);
}
