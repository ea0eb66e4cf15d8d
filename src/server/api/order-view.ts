/** Service results as the API shows them: dates as strings, only the fields the document names. */
import type { OrderWithItems } from "@/server/orders/get-order";
import type { z } from "zod";
import type { order } from "./schemas";

export function orderView(o: OrderWithItems): z.input<typeof order> {
  return {
    id: o.id,
    channel: o.channel,
    currency: o.currency,
    createdAt: o.createdAt.toISOString(),
    wholesaleTotal: o.wholesaleTotal,
    retailTotal: o.retailTotal,
    items: o.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      subject: i.subject,
      period: i.period,
      state: i.state,
      wholesaleAmount: i.wholesaleAmount,
    })),
  };
}
