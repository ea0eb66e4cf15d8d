/** Domain search: one label or name across every extension the store sells, with prices and reasons. */
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { buttonClasses } from "@/components/button";
import { Notice } from "@/components/notice";
import { systemContext } from "@/server/context";
import { searchDomains } from "@/server/domains/search/search-domains";
import { isSelling, loadStorefront } from "../_lib/storefront";
import { readCart } from "../cart/_lib/cart-cookie";
import { ResultRow } from "./_components/result-row";
import { Suggestions } from "./_components/suggestions";

export const metadata: Metadata = { title: "Search domains" };

type Props = { params: Promise<{ host: string }>; searchParams: Promise<{ q?: string }> };

export default async function SearchPage({ params, searchParams }: Props) {
  const storefront = await loadStorefront((await params).host);
  const q = ((await searchParams).q ?? "").slice(0, 253);
  const selling = isSelling(storefront);
  // The locale comes with the cached storefront: a search whose checks are cached costs no query.
  const { locale } = storefront;
  const cart = await readCart();
  const response =
    selling && q.trim()
      ? await searchDomains(systemContext(storefront.id), { resellerId: storefront.id, query: q })
      : null;
  const inCart = new Set(cart.map((c) => c.name));
  const taken = response?.results.some((r) => r.availability === "taken");
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Search domains</h1>
        <p className="text-sm">
          <Link href="/bulk-search" className="underline underline-offset-4">
            Search many names at once
          </Link>
        </p>
      </div>
      {!selling ? (
        <Notice tone="warning" title="Not selling right now">
          {storefront.displayName} is not selling domain names at the moment.
        </Notice>
      ) : (
        <form action="/search" method="get" role="search" className="flex flex-col gap-3 sm:flex-row">
          <label htmlFor="q" className="sr-only">
            Domain name to search for
          </label>
          <input
            id="q"
            name="q"
            type="search"
            required
            maxLength={253}
            defaultValue={q}
            autoComplete="off"
            placeholder="yourname or yourname.com"
            className="min-w-0 flex-1 rounded-md border-2 border-current/30 bg-white px-4 py-3 text-lg text-slate-900 focus:outline-3 focus:outline-[var(--brand-accent)]"
          />
          <button type="submit" className={buttonClasses("brand", "px-6 py-3 text-base")}>
            Search
          </button>
        </form>
      )}
      {response?.error && (
        <Notice tone={response.results.length ? "info" : "danger"} role="alert">
          {response.error}
        </Notice>
      )}
      {response?.typed && (
        <p className="text-sm" role="status" data-testid="typed-differs">
          You typed “{response.typed}”. Domain names are registered in one standard form, so this name is registered as
          “{response.label}”.
        </p>
      )}
      {response && response.results.length > 0 && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="sr-only">
            Results for {response.label}
          </h2>
          <ul
            className="divide-y divide-current/10 rounded-lg border border-current/15 bg-white/60 text-slate-900"
            aria-live="polite"
          >
            {response.results.map((r) => (
              <ResultRow key={r.name} r={r} locale={locale} inCart={inCart.has(r.name)} />
            ))}
          </ul>
          {response.results.some((r) => r.availability === "unknown") && (
            <p className="mt-3 text-sm">
              Some registries did not answer in time.{" "}
              <Link href={`/search?q=${encodeURIComponent(q)}`} className="underline">
                Search again
              </Link>{" "}
              to check them.
            </p>
          )}
        </section>
      )}
      {taken && response?.label && (
        <Suspense fallback={<p className="text-sm opacity-80">Looking for alternatives…</p>}>
          <Suggestions resellerId={storefront.id} label={q.split(".")[0]} locale={locale} inCart={[...inCart]} />
        </Suspense>
      )}
    </div>
  );
}
