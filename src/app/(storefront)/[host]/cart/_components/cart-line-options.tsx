"use client";
/**
 * Years and privacy for one name in the cart, saved as soon as they change: the page's prices and
 * total follow without an "Update" press. Focus stays on the control the person changed (a
 * confirmation that took focus would pull a keyboard user off the select mid-choice); the outcome is
 * said in a status line beside it.
 */
import { startTransition, useActionState, useRef } from "react";
import type { FormResult } from "@/components/action-form";
import { buttonClasses } from "@/components/button";
import { updateCartAction } from "../actions";

type Bound = (prev: FormResult | null, input: FormData) => Promise<FormResult>;

type Props = {
  name: string;
  unicodeName: string;
  years: number;
  minYears: number;
  maxYears: number;
  privacy: boolean;
  /** "$4.99 for 2 years", or null when this extension offers no privacy. */
  privacyPrice: string | null;
};

export function CartLineOptions({ name, unicodeName, years, minYears, maxYears, privacy, privacyPrice }: Props) {
  const [result, dispatch, pending] = useActionState(updateCartAction as unknown as Bound, null);
  const form = useRef<HTMLFormElement>(null);
  const save = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    startTransition(() => dispatch(data));
  };
  const yearsId = `years-${name}`;
  const privacyId = `privacy-${name}`;
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="flex flex-wrap items-end gap-4"
      aria-label={`Options for ${unicodeName}`}
    >
      <input type="hidden" name="name" value={name} />
      <div className="text-sm">
        <label htmlFor={yearsId} className="block font-medium">
          Years
        </label>
        <select
          id={yearsId}
          name="years"
          defaultValue={years}
          onChange={save}
          className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5"
        >
          {Array.from({ length: maxYears - minYears + 1 }, (_, i) => minYears + i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {privacyPrice !== null && (
        <div className="flex items-center gap-2 pb-1.5 text-sm">
          <input
            id={privacyId}
            type="checkbox"
            name="privacy"
            defaultChecked={privacy}
            onChange={save}
            className="h-5 w-5"
          />
          <label htmlFor={privacyId}>Privacy, {privacyPrice}</label>
        </div>
      )}
      {/* Without JavaScript nothing saves on change: a button does it instead. */}
      <noscript>
        <button type="submit" className={buttonClasses("secondary")}>
          Update
        </button>
      </noscript>
      <p role="status" className="basis-full text-sm text-slate-700 sm:basis-auto">
        {pending ? "Saving…" : result?.ok ? "Saved. The price and the total are updated." : ""}
      </p>
      {result && !result.ok && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700">
          {result.message}
        </p>
      )}
    </form>
  );
}
