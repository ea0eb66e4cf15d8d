/** The reseller's compliance report as PDF, for registrar staff (decision 115). */
import { complianceReportPdf } from "@/server/reseller-health/compliance-report-files";
import { reportResponse } from "../_lib/report-response";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return reportResponse(request, params, (r) => ({
    body: Buffer.from(complianceReportPdf(r)),
    type: "application/pdf",
    extension: "pdf",
  }));
}
