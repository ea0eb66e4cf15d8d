/**
 * Launches at this reseller: the calendar of extensions in a launch with this reseller's phase
 * prices, then its customers' trademark records and launch applications, newest first. Read-only.
 */
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { KeysetNav, LaunchApplicationsTable, LaunchCalendarTable, LaunchMarksTable } from "@/components/launch-tables";
import { getLaunchCalendar } from "@/server/launch/views/launch-calendar";
import { listLaunchApplications } from "@/server/launch/views/list-launch-applications";
import { listLaunchMarks } from "@/server/launch/views/list-launch-marks";
import { loadConsole } from "../_lib/console-session";

export const metadata: Metadata = { title: "Launches" };

const BASE = "/console/launches";

export default async function LaunchesPage({
  searchParams,
}: {
  searchParams: Promise<{ marks?: string; apps?: string }>;
}) {
  const { ctx, reseller } = await loadConsole();
  const sp = await searchParams;
  const params = {
    marks: typeof sp.marks === "string" ? sp.marks : undefined,
    apps: typeof sp.apps === "string" ? sp.apps : undefined,
  };
  const [calendar, marks, apps] = await Promise.all([
    getLaunchCalendar(ctx, { resellerId: reseller.id }),
    listLaunchMarks(ctx, { resellerId: reseller.id, cursor: params.marks }),
    listLaunchApplications(ctx, { resellerId: reseller.id, cursor: params.apps }),
  ]);
  return (
    <>
      <PageHeader
        title="Launches"
        description="New extensions in their launch phases, with your prices, and your customers' trademark records and applications."
      />
      <LaunchCalendarTable calendar={calendar} />
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Applications and pre-registrations</h2>
      <LaunchApplicationsTable rows={apps.rows} showReseller={false} />
      <KeysetNav base={BASE} params={params} cursorKey="apps" next={apps.next} label="Application pages" />
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Trademark records</h2>
      <LaunchMarksTable rows={marks.rows} showReseller={false} />
      <KeysetNav base={BASE} params={params} cursorKey="marks" next={marks.next} label="Trademark record pages" />
    </>
  );
}
