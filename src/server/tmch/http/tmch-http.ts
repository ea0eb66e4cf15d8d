/**
 * One HTTP call to the TMCH, its failures in the port's terms. A change that may have reached the
 * TMCH (a POST that timed out, lost its connection or got a 5xx other than 503) is reported with
 * mayHaveTakenEffect; submissions and renewals are idempotent on their externalId, so asking again
 * is safe.
 */
import { z } from "zod";
import { TmchError } from "../port";

export type TmchHttpOptions = {
  baseUrl: string;
  apiKey?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

async function send(o: TmchHttpOptions, method: "GET" | "POST", path: string, body?: unknown) {
  const doFetch = o.fetch ?? fetch;
  const mutating = method === "POST";
  try {
    const res = await doFetch(`${o.baseUrl.replace(/\/$/, "")}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
    return { res, text: await res.text(), mutating };
  } catch (e) {
    const timedOut = (e as Error).name === "TimeoutError";
    throw new TmchError(
      "unavailable",
      timedOut
        ? `The TMCH did not answer ${method} ${path} in time.`
        : `The TMCH could not be reached: ${(e as Error).message}`,
      mutating,
      { cause: e },
    );
  }
}

function failure(status: number, text: string, mutating: boolean): TmchError {
  let message = `HTTP ${status} from the TMCH`;
  try {
    const parsed = errorSchema.safeParse(JSON.parse(text));
    if (parsed.success) message = parsed.data.error.message;
  } catch {
    // Not JSON: keep the status line.
  }
  if (status === 404) return new TmchError("not_found", message);
  if (status === 429) return new TmchError("rate_limited", message);
  if (status === 503) return new TmchError("unavailable", message);
  if (status >= 500) return new TmchError("unavailable", message, mutating);
  return new TmchError("refused", message);
}

export async function callTmchJson<T>(
  o: TmchHttpOptions,
  method: "GET" | "POST",
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const { res, text, mutating } = await send(o, method, path, body);
  if (!res.ok) throw failure(res.status, text, mutating);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new TmchError("unavailable", `The TMCH's answer to ${method} ${path} was not understood.`, mutating);
  return parsed.data;
}

export async function callTmchText(o: TmchHttpOptions, path: string): Promise<string> {
  const { res, text } = await send(o, "GET", path);
  if (!res.ok) throw failure(res.status, text, false);
  return text;
}
