/** The order's own idempotency key, derived from the API key and the request's Idempotency-Key. */
import { AppError } from "@/server/errors";
import type { ApiCaller } from "@/server/api-keys/authenticate-api-key";
import { orderKeyFor } from "./idempotency";

/** The Idempotency-Key is required on every POST; the handler layer refuses a POST without one. */
export function orderKeyOf(caller: ApiCaller, idempotencyKey: string | null): string {
  if (!idempotencyKey) throw new AppError("INVALID_INPUT", "Send an Idempotency-Key header.");
  return orderKeyFor(caller.key.id, idempotencyKey);
}
