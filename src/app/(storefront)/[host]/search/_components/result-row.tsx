/** One search result: the name as typed, badges, price for the first year and renewal, and the action. */
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { EncodedName } from "@/components/encoded-name";
import { StatusBadge } from "@/components/status-badge";
import { launchPhaseWords } from "@/lib/launch-phase-words";
import { formatMoney } from "@/lib/money";
import type { SearchResult } from "@/server/domains/search/types";
import { addToCartAction } from "../../cart/actions";

const STATUS_TEXT: Record<SearchResult["availability"], [string, "green" | "amber" | "red" | "slate" | "blue"]> = {
  available: ["Available", "green"],
  taken: ["Taken", "slate"],
  reserved: ["Reserved", "slate"],
  invalid: ["Not a valid name", "red"],
  not_open: ["Not open yet", "blue"],
  unavailable: ["Unavailable", "slate"],
  unknown: ["Could not check", "amber"],
};

export function ResultRow({ r, locale, inCart }: { r: SearchResult; locale: string; inCart: boolean }) {
  const [label, tone] = STATUS_TEXT[r.availability];
  const fmt = (n: number) => formatMoney(n, r.price?.currency ?? "USD", locale);
  const launch = launchPhaseWords(r.phase);
  return (
    <li
      className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between"
      data-testid="search-result"
      data-name={r.name}
    >
      <div className="min-w-0">
        <p className="text-lg font-semibold break-all">{r.unicodeName}</p>
        <EncodedName ascii={r.name} unicode={r.unicodeName} />
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={r.availability} tone={tone}>
            {label}
          </StatusBadge>
          {r.premium && (
            <StatusBadge status="premium" tone="amber">
              Premium
            </StatusBadge>
          )}
          {launch && (
            <StatusBadge status="phase" tone="blue">
              {launch.badge}
            </StatusBadge>
          )}
          {r.price?.promotion && (
            <StatusBadge status="promo" tone="green">
              {r.price.promotion}
            </StatusBadge>
          )}
          {r.reason && <span className="opacity-80">{r.reason}</span>}
        </div>
        {launch && <p className="mt-1 text-sm opacity-90">{launch.explanation}</p>}
      </div>
      <div className="flex items-center gap-4 sm:justify-end">
        {r.price && (
          <p className="text-right">
            <span className="block text-lg font-bold tabular-nums" data-testid="price">
              {fmt(r.price.register)}
            </span>
            <span className="block text-xs opacity-80">first year · renews at {fmt(r.price.renew)}/yr</span>
          </p>
        )}
        {r.availability === "available" &&
          r.price &&
          (inCart ? (
            <Link href="/cart" className="rounded-md border border-current/30 px-4 py-2 text-sm font-semibold">
              In cart
            </Link>
          ) : (
            <ActionForm
              action={addToCartAction}
              hidden={{ name: r.name }}
              submitLabel="Add to cart"
              pendingLabel="Adding…"
              variant="brand"
              success="Added to your cart."
              layout="inline"
            />
          ))}
        {r.availability === "not_open" && (r.phase === "landrush" || r.phase === "sunrise") && (
          <Link
            href={`/account/${r.phase}?name=${encodeURIComponent(r.name)}`}
            className="rounded-md border border-current/30 px-4 py-2 text-sm font-semibold underline-offset-4 hover:underline"
          >
            {r.phase === "landrush" ? "Apply in landrush" : "Apply with a trademark"}
            <span className="sr-only"> for {r.unicodeName}</span>
          </Link>
        )}
        {r.availability === "not_open" && (
          <>
            <Link
              href={`/account/preorders?name=${encodeURIComponent(r.name)}`}
              className="rounded-md border border-current/30 px-4 py-2 text-sm font-semibold underline-offset-4 hover:underline"
            >
              Pre-order
              <span className="sr-only"> {r.unicodeName}</span>
            </Link>
            <Link
              href={`/notify-me?name=${encodeURIComponent(r.name)}`}
              className="text-sm underline underline-offset-4"
            >
              Tell me when it opens
              <span className="sr-only"> ({r.unicodeName})</span>
            </Link>
          </>
        )}
        {r.availability === "taken" && (
          <ActionForm
            action={addToCartAction}
            hidden={{ name: r.name, kind: "transfer" }}
            submitLabel="Transfer in"
            pendingLabel="Adding…"
            variant="secondary"
            success="Added to your cart."
            layout="inline"
          />
        )}
      </div>
    </li>
  );
}
