/** Stripe webhook endpoint: reads the raw body (the signature covers its exact bytes) and hands it on. */
import { toPublicError } from "@/server/errors";
import { handleStripeWebhook } from "@/server/order-payments/webhooks/handle-stripe-webhook";
import { readBodyText } from "@/server/read-body";

// Stripe's events are a few kilobytes; anything past this is not Stripe.
const MAX_BODY_BYTES = 1024 * 1024;

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readBodyText(request, MAX_BODY_BYTES);
    const result = await handleStripeWebhook(body, request.headers.get("stripe-signature"));
    return Response.json(result);
  } catch (e) {
    const err = toPublicError(e);
    // A 5xx makes Stripe retry later, which is what an unexpected failure should do.
    if (err.status >= 500) console.error("Stripe webhook failed", e);
    return Response.json({ error: err.message }, { status: err.status });
  }
}
