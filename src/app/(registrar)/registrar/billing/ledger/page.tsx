/** Runs the same ledger check as `npm run ledger:verify` and shows what it found. */
import type { Metadata } from "next";
import { Card } from "@/components/card";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { requireContext } from "@/server/auth/require-context";
import { runLedgerVerification } from "@/server/billing/run-ledger-verification";

export const metadata: Metadata = { title: "Ledger verification" };
export const dynamic = "force-dynamic";

export default async function LedgerVerifyPage() {
  const ctx = await requireContext("registrar", { next: "/registrar/billing/ledger" });
  const report = await runLedgerVerification(ctx);
  const c = report.counts;
  return (
    <>
      <PageHeader
        title="Ledger verification"
        description="Every entry balances, cached balances equal the sums of their lines, held amounts equal open holds, and every hold agrees with its order. Reload to run it again."
      />
      <div className="space-y-6">
        {report.ok ? (
          <Notice tone="success" title="The ledger is consistent" role="status">
            Checked {c.entries} entries, {c.lines} lines, {c.accounts} accounts and {c.holds} holds.
          </Notice>
        ) : (
          <Notice
            tone="danger"
            title={`${report.faults.length} ${report.faults.length === 1 ? "fault" : "faults"} found`}
            role="alert"
          >
            Checked {c.entries} entries, {c.lines} lines, {c.accounts} accounts and {c.holds} holds. Corrections are new
            entries: never edit the ledger.
          </Notice>
        )}
        {!report.ok && (
          <Card title="Faults">
            <ul className="divide-y divide-slate-100 text-sm">
              {report.faults.map((f, i) => (
                <li key={i} className="py-2">
                  <span className="font-medium">{f.check}:</span> {f.detail}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
