/** The registrant's domains on this storefront. */
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/server/auth/require-context";
import { listOwnDomains } from "@/server/domains/queries/list-own-domains";
import { ownDomainsMark } from "@/server/domains/queries/own-domains-mark";
import { domainStateWords } from "@/lib/status-words";
import { loadStorefront, sessionOfRequest } from "../../_lib/storefront";

export const metadata: Metadata = { title: "Your domains" };

export default async function AccountDomainsPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  await loadStorefront((await params).host);
  const { ctx, name } = await requireSession("storefront", { next: "/account/domains", session: sessionOfRequest });
  const { cursor } = await searchParams;
  const page = await listOwnDomains(ctx, typeof cursor === "string" ? cursor : null);
  const { rows, next } = page;
  return (
    // The mark names what this render shows, for the list's page cache (decision 145).
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6" data-list-mark={ownDomainsMark(name, page)}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Your domains</h1>
        <Link href="/account" className="underline underline-offset-4">
          Back to your account
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-800">
          You have no domains yet.{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- home is page-cached for documents (decision 130) */}
          <a className="underline" href="/">
            Find one
          </a>
          .
        </p>
      ) : (
        // Each row is plain HTML whose looks come from the list's class (globals.css): the row's markup
        // and its copy in the page's flight data carry only the words (decision 130). Plain links, not
        // next/link: client links cost every render and prefetch each domain's page (decision 110).
        <ul className="domain-rows">
          {rows.map((d) => {
            const state = domainStateWords(d.state);
            return (
              <li key={d.id}>
                <a href={`/account/domains/${d.id}`}>{d.unicodeName}</a>
                <span>
                  <span data-tone={state.tone}>{state.label}</span>
                  <span>{`Expires ${d.expiresAt.toISOString().slice(0, 10)}`}</span>
                  <span>{`Auto-renew ${d.autoRenew ? "on" : "off"}`}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {next && (
        <Link className="underline" rel="next" href={`/account/domains?cursor=${next}`}>
          More domains
        </Link>
      )}
    </div>
  );
}
