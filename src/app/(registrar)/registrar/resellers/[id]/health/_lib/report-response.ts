/** The compliance report's two downloads share the gate: registrar staff, a reseller id, a valid period. */
import { z } from "zod";
import { requireContext } from "@/server/auth/require-context";
import { toPublicError } from "@/server/errors";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { parseReportPeriod } from "@/server/reseller-health/health-inputs";
import { buildComplianceReport, periodWords, type ComplianceReport } from "@/server/reseller-health/compliance-report";

export async function reportResponse(
  request: Request,
  params: Promise<{ id: string }>,
  render: (r: ComplianceReport) => { body: BodyInit; type: string; extension: string },
): Promise<Response> {
  const ctx = await requireContext("registrar");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response("Not found", { status: 404 });
  const period = parseReportPeriod(new URL(request.url).searchParams, platformNow());
  if (!period) return new Response("Choose a period of at most a year: from and to as YYYY-MM-DD.", { status: 400 });
  try {
    const report = await buildComplianceReport(ctx, id.data, period);
    const file = render(report);
    const p = periodWords(period);
    return new Response(file.body, {
      headers: {
        "content-type": file.type,
        "content-disposition": `attachment; filename="compliance-${id.data}-${p.from}-${p.to}.${file.extension}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    const err = toPublicError(e);
    return new Response(err.message, { status: err.status });
  }
}
