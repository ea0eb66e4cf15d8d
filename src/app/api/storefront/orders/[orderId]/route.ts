/** An order's live state for its registrant (the order page polls this every two seconds). */
import { NextResponse } from "next/server";
import { z } from "zod";
import { getSession } from "@/server/auth/require-context";
import { toPublicError } from "@/server/errors";
import { getOrderStatus } from "@/server/domains/checkout/get-order-status";

export async function GET(_req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const id = z.uuid().safeParse((await params).orderId);
  if (!id.success) return NextResponse.json({ error: "Not found" }, { status: 404 });
  const session = await getSession();
  if (!session || session.ctx.kind !== "registrant")
    return NextResponse.json({ error: "Please sign in." }, { status: 401 });
  try {
    return NextResponse.json(await getOrderStatus(session.ctx, id.data), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    const err = toPublicError(e);
    return NextResponse.json({ error: err.message }, { status: err.status });
  }
}
