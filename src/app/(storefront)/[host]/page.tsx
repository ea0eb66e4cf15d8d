/** A storefront's home: its tagline, the domain search form, and how to reach support. */
import { buttonClasses } from "@/components/button";
import { isSelling, loadStorefront } from "./_lib/storefront";

export default async function StorefrontHome({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const { branding } = storefront;
  const selling = isSelling(storefront);
  return (
    <>
      <section className="bg-[var(--brand-primary)] text-[var(--brand-on-primary)]">
        <div className="mx-auto max-w-6xl px-4 pt-10 pb-16 sm:px-6 sm:pt-16 sm:pb-24">
          <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-5xl">
            {branding.tagline || `Find your domain name at ${storefront.displayName}`}
          </h1>
          <p className="mt-4 max-w-2xl text-lg opacity-90">
            Search across many extensions at once and register in minutes.
          </p>
          {selling ? (
            <form
              action="/search"
              method="get"
              role="search"
              className="mt-8 flex max-w-2xl flex-col gap-3 sm:flex-row"
            >
              <label htmlFor="q" className="sr-only">
                Domain name to search for
              </label>
              <input
                id="q"
                name="q"
                type="search"
                required
                maxLength={253}
                autoComplete="off"
                placeholder="yourname.com"
                className="min-w-0 flex-1 rounded-md border-2 border-white/40 bg-white px-4 py-3 text-lg text-slate-900 placeholder:text-slate-500 focus:outline-3 focus:outline-[var(--brand-accent)]"
              />
              <button type="submit" className={buttonClasses("brand-accent", "px-6 py-3 text-base")}>
                Search domains
              </button>
            </form>
          ) : (
            <p className="mt-8 max-w-2xl rounded-md bg-white/10 px-4 py-3">
              Domain search is paused while this store is unavailable.
            </p>
          )}
        </div>
      </section>
      <section aria-labelledby="why" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <h2 id="why" className="text-2xl font-semibold">
          Why register with {storefront.displayName}
        </h2>
        <ul className="mt-6 grid gap-6 sm:grid-cols-3">
          {[
            [
              "Many extensions",
              "Compare prices across extensions in a single search, premium names and launch phases included.",
            ],
            [
              "Everything in one place",
              "Renew, change nameservers, turn on DNSSEC and privacy, and transfer from your account.",
            ],
            [
              "People who answer",
              `Write to ${branding.supportEmail}${branding.supportPhone ? ` or call ${branding.supportPhone}` : ""}.`,
            ],
          ].map(([title, text]) => (
            <li key={title} className="rounded-lg border border-current/15 p-5">
              <h3 className="font-semibold">{title}</h3>
              <p className="mt-2 text-sm opacity-90">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
