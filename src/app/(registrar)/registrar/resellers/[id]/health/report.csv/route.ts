/** The reseller's compliance report as CSV, for registrar staff (decision 115). */
import { complianceReportCsv } from "@/server/reseller-health/compliance-report-files";
import { reportResponse } from "../_lib/report-response";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return reportResponse(request, params, (r) => ({
    body: complianceReportCsv(r),
    type: "text/csv; charset=utf-8",
    extension: "csv",
  }));
}
