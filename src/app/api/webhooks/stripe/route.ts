/** Stripe webhook endpoint: reads the raw body (the signature covers its exact bytes) and hands it on. */
import { toPublicError } from "@/server/errors";
import { handleStripeWebhook } from "@/server/payments/handle-stripe-webhook";

export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  try {
    const result = await handleStripeWebhook(body, request.headers.get("stripe-signature"));
    return Response.json(result);
  } catch (e) {
    const err = toPublicError(e);
    // A 5xx makes Stripe retry later, which is what an unexpected failure should do.
    if (err.status >= 500) console.error("Stripe webhook failed", e);
    return Response.json({ error: err.message }, { status: err.status });
  }
}
