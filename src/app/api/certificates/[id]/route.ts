/**
 * A certificate as a PEM file (`?part=fullchain|certificate|chain`) for whoever may see it: the
 * registrant on their storefront, their reseller's staff or registrar staff on the console host.
 * The session of the host decides; the service checks the tenant like every lookup.
 */
import { NextResponse } from "next/server";
import { getSession } from "@/server/auth/require-context";
import { toPublicError } from "@/server/errors";
import { certificatePem } from "@/server/ssl/views/certificate-pem";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: "Please sign in." }, { status: 401 });
  const part = new URL(req.url).searchParams.get("part") ?? undefined;
  try {
    const { filename, pem } = await certificatePem(session.ctx, {
      certificateId: (await params).id,
      part,
    });
    return new NextResponse(pem, {
      headers: {
        "content-type": "application/x-pem-file; charset=us-ascii",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    const err = toPublicError(e);
    return NextResponse.json({ error: err.message }, { status: err.status });
  }
}
