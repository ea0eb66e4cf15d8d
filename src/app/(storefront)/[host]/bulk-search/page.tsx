/** Bulk search: many names at once, results as they arrive. */
import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/notice";
import { moneyFormatOf } from "@/server/billing/money-format-of";
import { isSelling, loadStorefront } from "../_lib/storefront";
import { BulkSearchForm } from "./_components/bulk-search-form";

export const metadata: Metadata = { title: "Bulk domain search" };

export default async function BulkSearchPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const { locale } = await moneyFormatOf(storefront.id);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Bulk domain search</h1>
        <Link href="/search" className="text-sm underline underline-offset-4">
          Search one name
        </Link>
      </div>
      {isSelling(storefront) ? (
        <BulkSearchForm locale={locale} />
      ) : (
        <Notice tone="warning" title="Not selling right now">
          {storefront.displayName} is not selling domain names at the moment.
        </Notice>
      )}
    </div>
  );
}
