/**
 * The registrant's certificates on this storefront, newest first, after the ones just paid for whose
 * certificate is still being set up (the page refreshes itself until they turn into certificates).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { StatusBadge } from "@/components/status-badge";
import { DateTime } from "@/components/date-time";
import { SUBSCRIPTION_WORDS } from "@/lib/certificate-words";
import { requireSession } from "@/server/auth/require-context";
import { listCertificates } from "@/server/ssl/views/list-certificates";
import { listCertificatesBeingSetUp } from "@/server/ssl/views/list-certificates-being-set-up";
import { loadStorefront } from "../../_lib/storefront";

export const metadata: Metadata = { title: "Your certificates" };

export default async function AccountCertificatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  await loadStorefront((await params).host);
  const { ctx } = await requireSession("storefront", { next: "/account/certificates" });
  const { cursor } = await searchParams;
  const [{ rows, next }, settingUp] = await Promise.all([
    listCertificates(ctx, { cursor: typeof cursor === "string" ? cursor : undefined }),
    cursor ? Promise.resolve([]) : listCertificatesBeingSetUp(ctx),
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Your certificates</h1>
        <Link href="/certificates" className="underline underline-offset-4">
          Order a certificate
        </Link>
      </div>
      {settingUp.length > 0 && (
        <section aria-labelledby="setting-up" className="space-y-3">
          <AutoRefresh />
          <h2 id="setting-up" className="text-xl font-semibold">
            Being set up
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-slate-900 shadow-sm">
            {settingUp.map((c) => (
              <li
                key={c.itemId}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-4"
                data-testid="certificate-being-set-up"
              >
                <span className="text-lg font-semibold">{c.names.join(", ")}</span>
                <span className="flex items-center gap-3 text-sm">
                  <span>Paid. We are sending your request to the certificate authority.</span>
                  <Link href={`/orders/${c.orderId}`} className="underline underline-offset-4">
                    See the order<span className="sr-only"> for {c.names[0]}</span>
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows.length === 0 && settingUp.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-800">You have no certificates yet.</p>
      ) : rows.length === 0 ? null : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-slate-900 shadow-sm">
          {rows.map((c) => {
            const w = SUBSCRIPTION_WORDS[c.state];
            return (
              <li
                key={c.id}
                className="flex flex-wrap items-center justify-between gap-3 px-5 py-4"
                data-testid="certificate"
              >
                <Link
                  href={`/account/certificates/${c.id}`}
                  className="text-lg font-semibold underline underline-offset-4"
                >
                  {c.names.join(", ")}
                </Link>
                <span className="flex items-center gap-3 text-sm">
                  <StatusBadge status={c.state} tone={w.tone}>
                    {w.label}
                  </StatusBadge>
                  {c.current && (
                    <span>
                      Valid until <DateTime value={c.current.notAfter} />
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {next && (
        <Link className="underline" rel="next" href={`/account/certificates?cursor=${next}`}>
          More certificates
        </Link>
      )}
    </div>
  );
}
