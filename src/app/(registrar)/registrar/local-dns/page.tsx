/**
 * The local DNS stand-in (development): the TXT answers it gives. Setting one here lets a person
 * complete a host-name verification without a real DNS zone.
 */
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { controlClasses } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { usesLocalDns } from "@/server/dns/dns-resolver";
import { listLocalDnsAnswers } from "@/server/dns/list-local-dns-answers";
import { removeLocalDns, setLocalDns } from "../_lib/registrar-actions";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Local DNS" };

export default async function LocalDnsPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const answers = await listLocalDnsAnswers(ctx);
  const local = usesLocalDns();
  return (
    <>
      <PageHeader
        title="Local DNS answers"
        description="A stand-in for DNS used in development and tests (DNS_ADAPTER=local). Host-name verification asks it for TXT records."
      />
      <div className="space-y-6">
        {!local && (
          <Notice tone="warning" title="This deployment uses real DNS">
            DNS_ADAPTER is set to system, so these answers are not consulted.
          </Notice>
        )}
        {canWrite && local && (
          <Card
            title="Tell the local DNS an answer"
            description="For a host name shop.example.com, the verification record is _registrar-verify.shop.example.com."
          >
            <ActionForm action={setLocalDns} submitLabel="Set TXT answer" layout="inline" success="Answer set.">
              <div className="min-w-64 flex-1">
                <label htmlFor="dns-name" className="block text-sm font-medium text-slate-800">
                  Name
                </label>
                <input
                  id="dns-name"
                  name="name"
                  required
                  placeholder="_registrar-verify.shop.example.com"
                  spellCheck={false}
                  className={`${controlClasses(false)} mt-1 font-mono`}
                />
              </div>
              <div className="min-w-64 flex-1">
                <label htmlFor="dns-value" className="block text-sm font-medium text-slate-800">
                  TXT value
                </label>
                <input
                  id="dns-value"
                  name="value"
                  required
                  placeholder="registrar-verify=…"
                  spellCheck={false}
                  className={`${controlClasses(false)} mt-1 font-mono`}
                />
              </div>
            </ActionForm>
          </Card>
        )}
        <DataTable
          caption="Local DNS answers"
          headers={["Name", "TXT value", "Set", ...(canWrite ? ["Actions"] : [])]}
          empty={answers.length === 0 ? <EmptyState title="No answers yet" /> : undefined}
        >
          {answers.map((a) => (
            <tr key={a.id}>
              <Td className="font-mono text-xs break-all">{a.name}</Td>
              <Td className="font-mono text-xs break-all">{a.value}</Td>
              <Td className="whitespace-nowrap">
                <DateTime value={a.createdAt} />
              </Td>
              {canWrite && (
                <Td>
                  <ActionForm action={removeLocalDns} hidden={{ id: a.id }} submitLabel="Remove" variant="secondary" />
                </Td>
              )}
            </tr>
          ))}
        </DataTable>
      </div>
    </>
  );
}
