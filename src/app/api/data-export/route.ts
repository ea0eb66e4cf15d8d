/**
 * GET: everything we hold about a registrant as a JSON download. A signed-in registrant gets their
 * own (on their storefront); registrar staff name the registrant with ?registrantId=. Reseller staff
 * get nothing: answering data-subject requests is the registrar's job (decision 099).
 */
import { NextResponse } from "next/server";
import { z } from "zod";
import { getSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { exportJson, exportRegistrantData } from "@/server/data-requests/export-registrant-data";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const session = await getSession();
  if (!session || (session.ctx.kind !== "registrant" && session.ctx.kind !== "registrar"))
    return NextResponse.json({ error: "Please sign in to continue." }, { status: 401 });
  const asked = z.uuid().safeParse(new URL(req.url).searchParams.get("registrantId"));
  const registrantId = session.ctx.kind === "registrant" ? session.ctx.actorId : asked.data;
  if (!registrantId) return NextResponse.json({ error: "Name the registrant." }, { status: 400 });
  try {
    const body = exportJson(await exportRegistrantData(session.ctx, registrantId));
    return new Response(body, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="registrant-data-${new Date().toISOString().slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return NextResponse.json({ error: "Not found." }, { status: 404 });
    throw e;
  }
}
