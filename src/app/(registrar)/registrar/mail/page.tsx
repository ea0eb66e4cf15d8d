/** Every message in the outbox, across resellers and the registrar itself. */
import type { Metadata } from "next";
import { MailTable } from "@/components/mail-table";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";
import { listOutboxMail } from "@/server/tenancy/list-outbox-mail";
import { listResellers } from "@/server/tenancy/list-resellers";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Mail" };

export default async function RegistrarMailPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { ctx } = await loadRegistrar();
  const page = pageParam((await searchParams).page);
  const [mail, resellers] = await Promise.all([
    listOutboxMail(ctx, { resellerId: null, page }),
    listResellers(ctx, { pageSize: 100 }),
  ]);
  const names = new Map(resellers.items.map((r) => [r.id, r.displayName]));
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="All mail the platform has queued or sent, newest first. Administrators read every message; links that act for their recipient are never shown."
      />
      <MailTable
        showReseller
        items={mail.items.map((m) => ({
          ...m,
          resellerName: m.resellerId ? (names.get(m.resellerId) ?? m.resellerId.slice(0, 8)) : null,
        }))}
      />
      <Pagination page={mail.page} pageCount={mail.pageCount} total={mail.total} basePath="/registrar/mail" />
    </>
  );
}
