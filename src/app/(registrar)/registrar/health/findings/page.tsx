/** Open health findings across resellers, unacknowledged first: the registrar's compliance queue (decision 115). */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { listOpenFindings } from "@/server/reseller-health/findings";
import { loadRegistrar } from "../../_lib/registrar-session";
import { FindingsTable } from "../_components/findings-table";

export const metadata: Metadata = { title: "Open findings" };

export default async function OpenFindingsPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const findings = await listOpenFindings(ctx);
  return (
    <>
      <PageHeader
        title="Open findings"
        description="Recorded by the daily evaluation when a reseller's figure crosses its threshold; each closes itself when the figure is back within it."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/health/thresholds">
            Thresholds
          </Link>
        }
      />
      <Card>
        {findings.length === 0 ? (
          <EmptyState title="No open findings">Every reseller&apos;s figures are within their thresholds.</EmptyState>
        ) : (
          <FindingsTable findings={findings} canWrite={canWrite} caption="Open findings" showReseller />
        )}
      </Card>
    </>
  );
}
