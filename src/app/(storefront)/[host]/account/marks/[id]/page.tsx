/** One of the registrant's trademarks: where verification stands, the labels it protects, its SMD. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { requireSession } from "@/server/auth/require-context";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { getMarkOrThrow } from "@/server/tmch/marks/get-mark";
import { loadStorefront } from "../../../_lib/storefront";
import { MARK_STATE_WORDS } from "../_lib/mark-words";

export const metadata: Metadata = { title: "Trademark" };

export default async function MarkPage({ params }: { params: Promise<{ host: string; id: string }> }) {
  const p = await params;
  await loadStorefront(p.host);
  const { ctx } = await requireSession("storefront", { next: `/account/marks/${p.id}` });
  const mark = await getMarkOrThrow(db, ctx, p.id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const words = MARK_STATE_WORDS[mark.state];
  const fileName = `${mark.labels[0] ?? "mark"}.smd`;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{mark.markName}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm" data-testid="mark-state" data-state={mark.state}>
            <StatusBadge status={mark.state} tone={words.tone}>
              {words.label}
            </StatusBadge>
            {words.detail}
          </p>
        </div>
        <Link href="/account/marks" className="underline underline-offset-4">
          All your trademarks
        </Link>
      </div>
      {mark.reasons.length > 0 && (
        <section aria-labelledby="reasons" className="rounded-lg border border-red-200 bg-red-50 p-5">
          <h2 id="reasons" className="font-semibold">
            What the Clearinghouse found
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {mark.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Clearinghouse reference</dt>
        <dd data-testid="tmch-id">{mark.tmchId ?? "Not submitted yet"}</dd>
        <dt className="font-medium">Labels protected</dt>
        <dd>{mark.labels.join(", ") || "—"}</dd>
        <dt className="font-medium">Term</dt>
        <dd>
          {mark.termYears} {mark.termYears === 1 ? "year" : "years"}
          {mark.expiresAt && `, until ${mark.expiresAt.toISOString().slice(0, 10)}`}
        </dd>
        <dt className="font-medium">Proof of use</dt>
        <dd>{mark.hasProofOfUse ? "Given" : "Not given: the mark gets no SMD without one"}</dd>
      </dl>
      <section aria-labelledby="smd" className="space-y-3">
        <h2 id="smd" className="text-lg font-semibold">
          Signed mark (SMD)
        </h2>
        {mark.smdFile ? (
          <>
            <p className="text-sm">
              SMD {mark.smdId}, valid until {mark.smdNotAfter?.toISOString().slice(0, 10) ?? "—"}. Use it to apply in a
              sunrise here, or with any registrar.
            </p>
            <p className="flex flex-wrap gap-4">
              <a
                className="font-semibold underline underline-offset-4"
                download={fileName}
                href={`data:application/octet-stream;base64,${Buffer.from(mark.smdFile, "utf8").toString("base64")}`}
              >
                Download {fileName}
              </a>
              <Link className="underline underline-offset-4" href={`/account/sunrise?markId=${mark.id}`}>
                Apply in a sunrise with this mark
              </Link>
            </p>
            <label htmlFor="smd-file" className="block text-sm font-medium">
              The SMD file
            </label>
            <textarea
              id="smd-file"
              readOnly
              rows={10}
              className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
              value={mark.smdFile}
            />
          </>
        ) : (
          <p className="text-sm">
            {mark.state === "verified"
              ? "No SMD: the Clearinghouse issues one for a verified mark with a proof of use."
              : "The SMD is issued once the Clearinghouse has verified the mark."}
          </p>
        )}
      </section>
    </div>
  );
}
