/**
 * What a person reads before deciding a parked item: the order, every attempt with its error, every
 * command sent to the registry with its answer, and the item's history. Shared by both consoles.
 */
import { Card, DetailList } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { formatMoney } from "@/lib/money";
import { shortOrderNumber } from "@/lib/order-number";
import type { ParkedItemDetail } from "@/server/fulfilment/parked/get-parked-item";
import {
  attemptModeWords,
  attemptOutcomeWords,
  channelWords,
  itemStateWords,
} from "@/server/fulfilment/parked/parked-words";

const HOLD_WORDS: Record<string, string> = {
  held: "Held on the reseller's balance",
  captured: "Charged",
  released: "Returned to the reseller's balance",
};

export function ParkedEvidence({ data, reseller }: { data: ParkedItemDetail; reseller?: React.ReactNode }) {
  const { item, order, hold, run } = data;
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <div className="space-y-6">
      <Card title="Order">
        <DetailList
          items={[
            ...(reseller ? [{ label: "Reseller", value: reseller }] : []),
            {
              label: "Order",
              value: (
                <>
                  {shortOrderNumber(order.id)} <span className="font-mono text-xs text-slate-600">{order.id}</span>
                </>
              ),
            },
            { label: "Placed", value: <DateTime value={order.createdAt} /> },
            { label: "Placed through", value: channelWords(order.channel) },
            {
              label: "Customer",
              value: order.registrant ? `${order.registrant.name} (${order.registrant.email})` : "None (console order)",
            },
            { label: "Years", value: String(item.period) },
            { label: "Price to the customer", value: money(item.retailAmount) },
            { label: "Wholesale cost", value: money(item.wholesaleAmount) },
            {
              label: "Wholesale cost on the balance",
              value: hold ? (HOLD_WORDS[hold.status] ?? hold.status) : "Nothing held",
            },
            { label: "State now", value: itemStateWords(item.state) },
          ]}
        />
      </Card>

      {run && (
        <Card title="Where fulfilment stands">
          <DetailList
            items={[
              { label: "Started", value: <DateTime value={run.startedAt} /> },
              { label: "Attempts since the last retry", value: String(run.attempts) },
              {
                label: "Outcome at the registry",
                value: run.uncertain
                  ? "Unknown: a command may have reached the registry without an answer coming back"
                  : "No command is known to have reached the registry without an answer",
              },
              { label: "Last error", value: run.lastError ?? "None" },
            ]}
          />
        </Card>
      )}

      <section aria-labelledby="attempts-heading" className="space-y-2">
        <h2 id="attempts-heading" className="text-base font-semibold text-slate-900">
          Attempts
        </h2>
        <DataTable
          caption="Fulfilment attempts, oldest first"
          headers={["#", "How", "Started", "Finished", "Result", "Reached the registry?", "Error"]}
          empty={data.attempts.length ? undefined : <EmptyState title="No attempts are recorded for this item." />}
        >
          {data.attempts.map((a) => (
            <tr key={a.id}>
              <Td>{a.attempt}</Td>
              <Td>{attemptModeWords(a.mode)}</Td>
              <Td className="whitespace-nowrap">
                <DateTime value={a.startedAt} />
              </Td>
              <Td className="whitespace-nowrap">
                <DateTime value={a.finishedAt} />
              </Td>
              <Td>{attemptOutcomeWords(a.outcome)}</Td>
              <Td>
                {a.uncertain ? (
                  <StatusBadge status="unknown" tone="amber">
                    Maybe: no answer came back
                  </StatusBadge>
                ) : (
                  "Known"
                )}
              </Td>
              <Td className="max-w-md break-words">{a.error ?? "—"}</Td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="registry-heading" className="space-y-2">
        <h2 id="registry-heading" className="text-base font-semibold text-slate-900">
          What the registry answered
        </h2>
        <DataTable
          caption="Commands sent to the registry for this item, oldest first"
          headers={["When", "Command", "Answer", "Registry reference"]}
          empty={
            data.operations.length ? undefined : (
              <EmptyState title="No command for this item is recorded at the registry." />
            )
          }
        >
          {data.operations.map((o) => (
            <tr key={o.id}>
              <Td className="whitespace-nowrap">
                <DateTime value={o.at} />
              </Td>
              <Td>{o.what}</Td>
              <Td className="max-w-md break-words">
                <StatusBadge
                  status={String(o.code ?? "none")}
                  tone={o.code === null ? "amber" : o.code < 2000 ? "green" : "red"}
                >
                  {o.code === null ? "No answer" : o.code < 2000 ? "Accepted" : "Refused"}
                </StatusBadge>
                <span className="mt-1 block">{o.answer}</span>
              </Td>
              <Td className="font-mono text-xs break-all">{o.svTRID ?? o.clTRID ?? "—"}</Td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-base font-semibold text-slate-900">
          History
        </h2>
        <DataTable caption="The item's changes of state, oldest first" headers={["When", "Became", "Why"]}>
          {data.history.map((h) => (
            <tr key={h.id}>
              <Td className="whitespace-nowrap">
                <DateTime value={h.at} />
              </Td>
              <Td>{itemStateWords(h.to)}</Td>
              <Td className="max-w-md break-words">{h.reason || "—"}</Td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
