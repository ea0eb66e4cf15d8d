/**
 * Launches across resellers: the calendar with the registry's phase fees (one reseller's retail
 * prices when filtered to it), every reseller's customers' trademark records and launch
 * applications, newest first. Read-only: auditors see the same page.
 */
import type { Metadata } from "next";
import { TextField } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { KeysetNav, LaunchApplicationsTable, LaunchCalendarTable, LaunchMarksTable } from "@/components/launch-tables";
import { getLaunchCalendar } from "@/server/launch/views/launch-calendar";
import { listLaunchApplications } from "@/server/launch/views/list-launch-applications";
import { listLaunchMarks } from "@/server/launch/views/list-launch-marks";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Launches" };

const BASE = "/registrar/launches";

export default async function RegistrarLaunchesPage({
  searchParams,
}: {
  searchParams: Promise<{ reseller?: string; marks?: string; apps?: string }>;
}) {
  const { ctx } = await loadRegistrar();
  const sp = await searchParams;
  const reseller = typeof sp.reseller === "string" && sp.reseller.trim() ? sp.reseller.trim().slice(0, 100) : undefined;
  const params = {
    reseller,
    marks: typeof sp.marks === "string" ? sp.marks : undefined,
    apps: typeof sp.apps === "string" ? sp.apps : undefined,
  };
  const [calendar, marks, apps] = await Promise.all([
    getLaunchCalendar(ctx, { resellerId: reseller }),
    listLaunchMarks(ctx, { resellerId: reseller, cursor: params.marks }),
    listLaunchApplications(ctx, { resellerId: reseller, cursor: params.apps }),
  ]);
  return (
    <>
      <PageHeader
        title="Launches"
        description="New extensions in their launch phases, and every reseller's customers' trademark records and applications."
      />
      <form action={BASE} method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <TextField
          name="reseller"
          label="Reseller id"
          hint="Empty: every reseller, with the registry's fees."
          defaultValue={reseller ?? ""}
        />
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
          Filter
        </button>
      </form>
      <LaunchCalendarTable calendar={calendar} />
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Applications and pre-registrations</h2>
      <LaunchApplicationsTable rows={apps.rows} showReseller={!reseller} />
      <KeysetNav base={BASE} params={params} cursorKey="apps" next={apps.next} label="Application pages" />
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Trademark records</h2>
      <LaunchMarksTable rows={marks.rows} showReseller={!reseller} />
      <KeysetNav base={BASE} params={params} cursorKey="marks" next={marks.next} label="Trademark record pages" />
    </>
  );
}
