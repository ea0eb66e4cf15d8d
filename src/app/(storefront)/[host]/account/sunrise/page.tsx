/**
 * Sunrise: apply for a name matching one of your marks before a new extension opens to everyone,
 * with a verified mark's SMD or an SMD file and the registrant contact the registry records for the name;
 * and the applications made so far, as the registry sees them.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/form-controls";
import { StatusBadge } from "@/components/status-badge";
import { ORDER_ITEM_STATE_WORDS } from "@/lib/order-item-words";
import { shortOrderNumber } from "@/lib/order-number";
import { listSunriseApplications } from "@/server/launch/apply/list-applications";
import { listOwnMarks } from "@/server/tmch/marks/list-marks";
import { openLaunchPage } from "../_lib/launch-page";
import { applicantContactProps } from "../_lib/applicant-contact-props";
import { ApplicantContactFieldset } from "../_components/applicant-contact-fieldset";
import { applyOwnSunrise } from "./actions";

export const metadata: Metadata = { title: "Sunrise applications" };

const APPLICATION_WORDS: Record<string, string> = {
  pendingValidation: "The registry is checking the application",
  validated: "Checked by the registry",
  invalid: "Refused by the registry",
  pendingAllocation: "Waiting for sunrise to end",
  allocated: "Allocated to you",
  rejected: "Allocated to another applicant",
  custom: "With the registry",
};

export default async function SunrisePage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ markId?: string; name?: string | string[] }>;
}) {
  const { markId, name: rawName } = await searchParams;
  // A name chosen on the search page arrives filled in, after sign-in too.
  const { name, session, ctx, selling } = await openLaunchPage("/account/sunrise", (await params).host, rawName);
  const [marks, applications, contact] = await Promise.all([
    listOwnMarks(ctx),
    listSunriseApplications(ctx),
    applicantContactProps(ctx, session),
  ]);
  const withSmd = marks.filter((m) => m.state === "verified" && m.smdId);
  const options = [
    { value: "", label: "An SMD file I paste below" },
    ...withSmd.map((m) => ({ value: m.id, label: `${m.markName} (${m.labels.slice(0, 3).join(", ")})` })),
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 text-slate-900 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Sunrise applications</h1>
        <span className="flex gap-4">
          <Link href="/account/marks" className="underline underline-offset-4">
            Your trademarks
          </Link>
          <Link href="/account/landrush" className="underline underline-offset-4">
            Landrush applications
          </Link>
        </span>
      </div>
      <section aria-labelledby="apply" className="space-y-3">
        <h2 id="apply" className="text-lg font-semibold">
          Apply in sunrise
        </h2>
        <p className="text-sm">
          During sunrise only trademark holders may apply, for names matching their marks. We check your SMD before you
          pay; the registry allocates the name when sunrise ends, and if another holder&apos;s application wins it you
          are refunded.
        </p>
        {selling ? (
          <ActionForm action={applyOwnSunrise} idempotent submitLabel="Continue to payment" pendingLabel="Checking…">
            <TextField
              name="name"
              label="Name"
              hint="Such as brand.bloom"
              required
              autoComplete="off"
              defaultValue={name}
            />
            <SelectField
              name="markId"
              label="Signed mark"
              options={options}
              defaultValue={withSmd.some((m) => m.id === markId) ? markId : (withSmd[0]?.id ?? "")}
            />
            <TextAreaField
              name="smdFile"
              label="SMD file"
              hint="Only when you did not choose one of your marks: the whole file, with its ENCODED SMD block"
              rows={6}
              className="font-mono"
            />
            <SelectField
              name="years"
              label="Years"
              options={[1, 2, 3, 5].map((y) => ({ value: String(y), label: `${y} ${y === 1 ? "year" : "years"}` }))}
              defaultValue="1"
            />
            <ApplicantContactFieldset {...contact} />
          </ActionForm>
        ) : (
          <p>This store is not taking orders at the moment.</p>
        )}
      </section>
      <section aria-labelledby="applications" className="space-y-3">
        <h2 id="applications" className="text-lg font-semibold">
          Your applications
        </h2>
        {applications.length === 0 ? (
          <p className="text-sm">None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {applications.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
                <span className="text-lg font-semibold">{a.subject}</span>
                <span className="flex flex-wrap items-center gap-3 text-sm">
                  <StatusBadge status={a.state} tone={ORDER_ITEM_STATE_WORDS[a.state].tone}>
                    {ORDER_ITEM_STATE_WORDS[a.state].label}
                  </StatusBadge>
                  {a.applicationStatus && <span>{APPLICATION_WORDS[a.applicationStatus]}</span>}
                  <Link className="underline underline-offset-4" href={`/orders/${a.orderId}`}>
                    Order {shortOrderNumber(a.orderId)}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
