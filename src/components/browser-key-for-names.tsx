"use client";
/**
 * The order page's "make the key in this browser": no certificate names the request yet, so the
 * registrant types the names first (prefilled with one they hold here), then the key maker writes
 * the CSR into the form. The names field is not posted: the CSR carries the names.
 */
import { useId, useState } from "react";
import { parseTypedNames } from "@/lib/csr-names";
import { BrowserKeyMaker } from "./browser-key-maker";

export function BrowserKeyForNames({ suggested, field = "csrPem" }: { suggested: string; field?: string }) {
  const id = useId();
  const [text, setText] = useState(suggested);
  const typed = parseTypedNames(text);
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold">Or make the key in this browser</legend>
      <label htmlFor={id} className="block text-sm font-medium">
        Names for the certificate
      </label>
      <input
        id={id}
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={!typed.ok}
        autoComplete="off"
        spellCheck={false}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
      />
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {typed.ok ? "Separate names with commas or spaces; the first becomes the common name." : typed.problem}
      </p>
      <BrowserKeyMaker names={typed.ok ? typed.names : []} field={field} disabled={!typed.ok} />
    </fieldset>
  );
}
