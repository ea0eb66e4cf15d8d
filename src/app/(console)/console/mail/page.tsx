/** The mail this reseller's platform has sent (or queued): invitations, notices, receipts. */
import type { Metadata } from "next";
import { MailTable } from "@/components/mail-table";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { listOutboxMail } from "@/server/tenancy/list-outbox-mail";
import { loadConsole } from "../_lib/console-session";

export const metadata: Metadata = { title: "Mail" };

export default async function MailPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { ctx, reseller } = await loadConsole();
  const page = pageParam((await searchParams).page);
  const mail = await listOutboxMail(ctx, { resellerId: reseller.id, page });
  return (
    <>
      <PageHeader
        title="Mail"
        description="Every message sent on behalf of your storefront and console, newest first. Messages wait here until the mail server accepts them. You read the messages sent to you; links that act for their recipient are never shown."
      />
      <MailTable items={mail.items} />
      <Pagination page={mail.page} pageCount={mail.pageCount} total={mail.total} basePath="/console/mail" />
    </>
  );
}
