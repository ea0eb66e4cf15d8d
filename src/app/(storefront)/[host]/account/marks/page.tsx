/** The registrant's trademarks recorded with the Trademark Clearinghouse through this storefront. */
import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { requireSession } from "@/server/auth/require-context";
import { listOwnMarks } from "@/server/tmch/marks/list-marks";
import { loadStorefront } from "../../_lib/storefront";
import { MARK_STATE_WORDS } from "./_lib/mark-words";

export const metadata: Metadata = { title: "Your trademarks" };

export default async function MarksPage({ params }: { params: Promise<{ host: string }> }) {
  await loadStorefront((await params).host);
  const { ctx } = await requireSession("storefront", { next: "/account/marks" });
  const marks = await listOwnMarks(ctx);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Your trademarks</h1>
        <span className="flex gap-4">
          <Link href="/account/marks/new" className="font-semibold underline underline-offset-4">
            Record a mark
          </Link>
          <Link href="/account/sunrise" className="underline underline-offset-4">
            Sunrise applications
          </Link>
        </span>
      </div>
      <p className="text-sm">
        A mark recorded in the Trademark Clearinghouse gets you a signed mark (SMD) to apply for matching names before a
        new domain extension opens to everyone, and tells you when someone registers one.
      </p>
      {marks.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6">You have not recorded a mark yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
          {marks.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
              <Link href={`/account/marks/${m.id}`} className="text-lg font-semibold underline underline-offset-4">
                {m.markName}
              </Link>
              <span className="flex flex-wrap items-center gap-3 text-sm">
                <StatusBadge status={m.state} tone={MARK_STATE_WORDS[m.state].tone}>
                  {MARK_STATE_WORDS[m.state].label}
                </StatusBadge>
                {m.smdId && <span>SMD ready</span>}
                {m.expiresAt && <span>Until {m.expiresAt.toISOString().slice(0, 10)}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
