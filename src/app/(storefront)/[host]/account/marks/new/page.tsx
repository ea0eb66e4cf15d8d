/** Record a registered trademark with the Trademark Clearinghouse: the form, then payment. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/form-controls";
import { requireSession } from "@/server/auth/require-context";
import { isSelling, loadStorefront } from "../../../_lib/storefront";
import { recordOwnMark } from "../actions";

export const metadata: Metadata = { title: "Record a trademark" };

const TERMS = [
  { value: "1", label: "1 year" },
  { value: "3", label: "3 years" },
  { value: "5", label: "5 years" },
];

export default async function NewMarkPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  await requireSession("storefront", { next: "/account/marks/new" });
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Record a trademark</h1>
        <Link href="/account/marks" className="underline underline-offset-4">
          Your trademarks
        </Link>
      </div>
      <p className="text-sm">
        A registered trademark, as its registration certificate shows it. The Clearinghouse derives the domain labels
        from the mark&apos;s name and reviews the record; you pay its fee for the term you choose, whatever the review
        finds. With a proof of use (a label or packaging showing the mark) you get a signed mark (SMD) for sunrise.
      </p>
      {isSelling(storefront) ? (
        <ActionForm action={recordOwnMark} idempotent submitLabel="Continue to payment" pendingLabel="Checking…">
          <fieldset className="space-y-4">
            <legend className="text-lg font-semibold">The mark</legend>
            <TextField name="name" label="Mark" required />
            <TextField name="jurisdiction" label="Country of registration (two letters)" required maxLength={2} />
            <TextField name="regNum" label="Registration number" required />
            <TextField name="regDate" label="Registration date" type="date" required />
            <TextField name="classes" label="Nice classes" hint="Numbers, such as 31, 44" required />
            <TextAreaField name="goodsAndServices" label="Goods and services" rows={3} required />
          </fieldset>
          <fieldset className="space-y-4">
            <legend className="text-lg font-semibold">The holder</legend>
            <TextField name="holderOrg" label="Holder (organisation or person)" required />
            <TextField name="holderEmail" label="Holder's email" type="email" />
            <TextField name="street" label="Street address" required />
            <TextField name="city" label="City" required />
            <TextField name="postalCode" label="Postal code" />
            <TextField name="countryCode" label="Country (two letters)" required maxLength={2} />
            <TextField name="contactName" label="Contact person" required />
            <TextField name="contactEmail" label="Contact email" type="email" required />
          </fieldset>
          <SelectField name="termYears" label="Term" options={TERMS} defaultValue="1" />
          <TextField
            name="proofOfUse"
            label="Proof of use"
            type="file"
            accept="application/pdf,image/png,image/jpeg,text/plain"
            hint="A PDF, PNG, JPEG or text file of at most 5 MB"
          />
        </ActionForm>
      ) : (
        <p>This store is not taking orders at the moment.</p>
      )}
    </div>
  );
}
