/**
 * The page a change-of-registrant link opens (Transfer Policy II.C): what changes on which domain,
 * and buttons to confirm or decline as the party the link was sent to. No sign-in: the token is the proof.
 */
import type { Metadata } from "next";
import { isAppError } from "@/server/errors";
import {
  viewRegistrantChange,
  type RegistrantChangeView,
} from "@/server/domains/manage/contacts/find-registrant-change";
import { loadStorefront } from "../../_lib/storefront";
import { AnswerForm } from "./_components/answer-form";

export const metadata: Metadata = { title: "Confirm a change of registrant", robots: { index: false } };

type Props = { params: Promise<{ host: string; id: string }>; searchParams: Promise<{ t?: string | string[] }> };

export default async function RegistrantChangePage({ params, searchParams }: Props) {
  const p = await params;
  const t = (await searchParams).t;
  const token = typeof t === "string" ? t : "";
  const storefront = await loadStorefront(p.host);
  const view = await viewRegistrantChange(storefront.id, p.id, token).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") return null;
    throw e;
  });
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Change of registrant</h1>
      {view ? (
        <ChangeDetails view={view} token={token} />
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          This confirmation link is not valid. Use the latest link from your mail, or ask for the change again.
        </p>
      )}
    </div>
  );
}

function Row({ label, from, to }: { label: string; from?: string; to: string }) {
  const changed = from !== undefined && from.trim().toLowerCase() !== to.trim().toLowerCase();
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className="py-2 pr-4 text-left text-sm font-medium text-slate-600">
        {label}
      </th>
      {from !== undefined && <td className="py-2 pr-4 text-sm">{from || "—"}</td>}
      <td className={`py-2 text-sm ${changed ? "font-semibold" : ""}`}>{to || "—"}</td>
    </tr>
  );
}

function ChangeDetails({ view, token }: { view: RegistrantChangeView; token: string }) {
  const prior = view.party === "prior";
  const until = view.expiresAt.toISOString().slice(0, 10);
  return (
    <>
      <p>
        You are asked, as the <strong>{prior ? "current" : "new"} registrant</strong>, to confirm that the registrant of{" "}
        <strong className="break-all">{view.domainName}</strong> changes
        {prior ? "" : ` to you`}. The change is made only when both the current and the new registrant confirm, by{" "}
        {until}.
      </p>
      <table className="w-full" aria-label="What changes">
        <thead>
          <tr>
            <th scope="col" className="sr-only">
              Field
            </th>
            {prior && (
              <th scope="col" className="pb-2 text-left text-sm font-semibold">
                Now
              </th>
            )}
            <th scope="col" className="pb-2 text-left text-sm font-semibold">
              {prior ? "After the change" : "New registrant"}
            </th>
          </tr>
        </thead>
        <tbody>
          <Row label="Name" from={prior ? view.prior.name : undefined} to={view.next.name} />
          <Row label="Organisation" from={prior ? view.prior.organization : undefined} to={view.next.organization} />
          <Row label="Email" from={prior ? view.prior.email : undefined} to={view.next.email} />
        </tbody>
      </table>
      {view.lockDays > 0 && (
        <p className="text-sm text-slate-700">
          After the change, the name cannot be transferred to another registrar for {view.lockDays} days
          {prior ? " unless you opt out below" : " unless the current registrant opts out"}.
        </p>
      )}
      {view.status !== "pending" ? (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3">
          This change is {view.status}
          {view.status === "expired" ? `: its links stopped working on ${until}` : ""}. Nothing more to do here.
        </p>
      ) : view.confirmedAt && !view.lastError ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          You confirmed on {view.confirmedAt.toISOString().slice(0, 10)}.{" "}
          {view.otherConfirmed
            ? "The change is being applied."
            : `We are waiting for the ${prior ? "new" : "current"} registrant.`}
        </p>
      ) : (
        <AnswerForm
          id={view.id}
          token={token}
          party={view.party}
          lockDays={view.lockDays}
          lockOptOut={view.lockOptOut}
        />
      )}
      {view.lastError && (
        <p className="text-sm text-red-800">The last attempt to apply the change was refused: {view.lastError}</p>
      )}
    </>
  );
}
