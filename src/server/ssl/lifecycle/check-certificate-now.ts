/**
 * "Check now": the subscriber asks about their waiting request at once instead of at the poll's next
 * pass (every minute, each request at most once per 50 s): records we may publish are published, the
 * proof the registrant put in place is confirmed, and an issued certificate is recorded. A request
 * whose item is still with the order engine is the engine's to advance, and one asked about within the
 * last few seconds is not asked again, so a held-down button does not hammer the CA.
 */
import { z } from "zod";
import { assertCanWrite, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { CaError } from "@/server/ssl/ca/port";
import { getSubscriptionOrThrow } from "./certificate-access";
import { pollOneRequest } from "./poll-requests";

export const checkCertificateNowSchema = z.object({ subscriptionId: z.string().min(1) });

const MIN_INTERVAL_MS = 5_000;

export async function checkCertificateNow(
  ctx: ActorContext,
  raw: z.input<typeof checkCertificateNowSchema>,
): Promise<{ message: string }> {
  assertCanWrite(ctx);
  const input = parseInput(checkCertificateNowSchema, raw);
  const sub = await getSubscriptionOrThrow(db, ctx, input.subscriptionId);
  const request = await db.certificateRequest.findFirst({
    where: { subscriptionId: sub.id, state: { in: ["new", "pending_dcv", "processing"] } },
    orderBy: { createdAt: "desc" },
  });
  if (!request) throw new AppError("CONFLICT", "Nothing is waiting for validation on this certificate.");
  if (request.orderItemId) {
    const item = await db.orderItem.findUniqueOrThrow({ where: { id: request.orderItemId }, select: { state: true } });
    if (item.state !== "pending_registry")
      return { message: "Your order is still being placed with the certificate authority; try again in a minute." };
  }
  if (request.lastPolledAt && Date.now() - request.lastPolledAt.getTime() < MIN_INTERVAL_MS)
    return { message: "We checked a moment ago; try again in a few seconds." };
  try {
    const progress = await pollOneRequest(request.id);
    if (progress.kind === "issued") return { message: "Validated: your certificate has been issued." };
    if (progress.kind === "rejected") return { message: `The certificate authority refused: ${progress.reason}` };
    return { message: progress.message };
  } catch (e) {
    if (e instanceof CaError)
      return { message: "The certificate authority could not be reached; we will keep trying every minute." };
    throw e;
  }
}
