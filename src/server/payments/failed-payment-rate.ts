/**
 * How many of the payments that ended in a window failed. A failed payment is one the provider or we
 * did not accept after the payer finished checkout: a method that bounced later (canceled with a
 * reason) or an amount that did not match. A checkout the payer walked away from (canceled without a
 * reason: expired, or "Cancel" on the test checkout) is neither a failure nor a success, so it counts
 * on neither side: abandonment is common and says nothing about the provider.
 */
import { db } from "@/server/db";

export type PaymentOutcomes = { ended: number; failed: number };

export async function paymentOutcomes(since: Date, until: Date): Promise<PaymentOutcomes> {
  const [row] = await db.$queryRaw<{ ended: bigint; failed: bigint }[]>`
    select
      count(*) filter (where status in ('succeeded', 'refunding', 'refunded', 'mismatched')
                          or (status = 'canceled' and note is not null)) as ended,
      count(*) filter (where status = 'mismatched' or (status = 'canceled' and note is not null)) as failed
    from "Payment"
    where "completedAt" >= ${since} and "completedAt" < ${until}`;
  return { ended: Number(row?.ended ?? 0), failed: Number(row?.failed ?? 0) };
}
