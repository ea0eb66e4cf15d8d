"use client";
/**
 * Paste up to 500 names; results stream in (NDJSON) as each registry answers. Every available name
 * can go to the cart from its row, or all of them at once with one button.
 */
import Link from "next/link";
import { useRef, useState } from "react";
import { ActionForm } from "@/components/action-form";
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/form-field";
import { formatMoney } from "@/lib/money";
import type { BulkRow } from "@/server/domains/search/bulk-search";
import { addManyToCartAction, addToCartAction } from "../../cart/actions";

const LABEL: Record<string, string> = {
  available: "Available",
  taken: "Taken",
  reserved: "Reserved",
  invalid: "Not valid",
  not_open: "Not open yet",
  unavailable: "Unavailable",
  unknown: "Could not check",
};

export function BulkSearchForm({ locale }: { locale: string }) {
  const [rows, setRows] = useState<BulkRow[]>([]);
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<"all" | "available">("all");
  const text = useRef<HTMLTextAreaElement>(null);

  async function run(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    setRows([]);
    setBusy(true);
    setStatus("Checking…");
    try {
      const res = await fetch("/api/storefront/bulk-search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ names: text.current?.value ?? "" }),
      });
      if (!res.body) throw new Error("no response");
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const msg = JSON.parse(line) as { rows?: BulkRow[]; done?: number; error?: string };
          if (msg.rows) setRows((r) => [...r, ...(msg.rows ?? [])]);
          if (msg.done !== undefined) setStatus(`Checked ${msg.done} names.`);
          if (msg.error) setStatus(msg.error);
        }
      }
    } catch {
      setStatus("The search could not be completed. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  const buyable = rows.filter((r) => r.availability === "available" && r.price);
  const shown = filter === "available" ? rows.filter((r) => r.availability === "available") : rows;
  return (
    <div className="space-y-6">
      <form onSubmit={run} className="space-y-3">
        <label htmlFor="names" className="block font-medium">
          Names, one per line or separated by commas (up to 500)
        </label>
        <textarea
          id="names"
          ref={text}
          rows={8}
          required
          className={controlClasses(false)}
          placeholder={"example.com\nexample.net\nmy-shop.shop"}
        />
        {/* Not disabled while checking: a disabled button would drop focus to the page. */}
        <button type="submit" aria-disabled={busy || undefined} className={buttonClasses("brand", "px-6 py-3")}>
          {busy ? "Checking…" : "Check names"}
        </button>
      </form>
      <p role="status" aria-live="polite" className="text-sm">
        {status}
        {rows.length ? ` ${rows.filter((r) => r.availability === "available").length} available so far.` : ""}
      </p>
      {!busy && buyable.length > 1 && (
        <ActionForm
          key={buyable.map((r) => r.name).join(" ")}
          action={addManyToCartAction}
          hidden={{ names: buyable.map((r) => r.name).join("\n") }}
          submitLabel={`Add all ${buyable.length} available names to your cart`}
          pendingLabel="Adding…"
          variant="brand"
          layout="inline"
          describeSuccess={(data) => ({ message: <AddedWords data={data} /> })}
        />
      )}
      {rows.length > 0 && (
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={filter === "available"}
              onChange={(e) => setFilter(e.target.checked ? "available" : "all")}
            />{" "}
            Show only available names
          </label>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white text-slate-900">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Result
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    First year
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Renewal
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Add to cart</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.map((r) => (
                  <tr key={`${r.input}-${r.name}`} data-testid="bulk-row">
                    <td className="px-3 py-2 break-all">{r.unicodeName}</td>
                    <td className="px-3 py-2">
                      {LABEL[r.availability]}
                      {r.premium ? " · premium" : ""}
                      {r.reason && r.availability !== "available" ? ` — ${r.reason}` : ""}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {r.price ? formatMoney(r.price.register, r.price.currency, locale) : ""}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {r.price ? formatMoney(r.price.renew, r.price.currency, locale) : ""}
                    </td>
                    <td className="px-3 py-2">
                      {r.availability === "available" && r.price && (
                        <ActionForm
                          action={addToCartAction}
                          hidden={{ name: r.name }}
                          submitLabel={`Add ${r.unicodeName}`}
                          pendingLabel="Adding…"
                          variant="secondary"
                          success="Added to your cart."
                          layout="inline"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}

/** What "add all" did, with the way on to the cart. */
function AddedWords({ data }: { data: unknown }) {
  const added = typeof data === "object" && data !== null && "added" in data ? Number(data.added) : 0;
  return (
    <>
      {added === 0
        ? "These names were already in your cart. "
        : `Added ${added} ${added === 1 ? "name" : "names"} to your cart. `}
      <Link href="/cart" className="font-semibold underline underline-offset-4">
        Go to your cart
      </Link>
    </>
  );
}
