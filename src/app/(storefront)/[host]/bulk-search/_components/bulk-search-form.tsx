"use client";
/** Paste up to 500 names; results stream in (NDJSON) as each registry answers. */
import { useRef, useState } from "react";
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/form-field";
import { formatMoney } from "@/lib/money";
import type { BulkRow } from "@/server/domains/search/bulk-search";

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
        <button type="submit" disabled={busy} className={buttonClasses("brand", "px-6 py-3")}>
          {busy ? "Checking…" : "Check names"}
        </button>
      </form>
      <p role="status" aria-live="polite" className="text-sm">
        {status}
        {rows.length ? ` ${rows.filter((r) => r.availability === "available").length} available so far.` : ""}
      </p>
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
