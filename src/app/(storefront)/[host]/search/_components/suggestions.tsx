/** Alternatives for a taken name, streamed in after the main results. */
import { systemContext } from "@/server/context";
import { suggestNames } from "@/server/domains/search/suggest-names";
import { DomainNameError } from "@/lib/domain-name";
import { ResultRow } from "./result-row";

export async function Suggestions({
  resellerId,
  label,
  locale,
  inCart,
}: {
  resellerId: string;
  label: string;
  locale: string;
  inCart: string[];
}) {
  let results;
  try {
    results = await suggestNames(systemContext(resellerId), { resellerId, label });
  } catch (e) {
    if (e instanceof DomainNameError) return null;
    throw e;
  }
  if (!results.length) return null;
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="text-xl font-semibold">
        You might also like
      </h2>
      <ul className="mt-3 divide-y divide-current/10 rounded-lg border border-current/15 bg-white/60 text-slate-900">
        {results.map((r) => (
          <ResultRow key={r.name} r={r} locale={locale} inCart={inCart.includes(r.name)} />
        ))}
      </ul>
    </section>
  );
}
