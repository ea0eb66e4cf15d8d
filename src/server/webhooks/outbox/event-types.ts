/** The events a reseller can subscribe an endpoint to (SSL and TMCH events join this list as they land). */
export const WEBHOOK_EVENT_TYPES = [
  "order.completed",
  "order.failed",
  "domain.renewed",
  "domain.expiring",
  "domain.transferred_out",
  "balance.low",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const EVENT_WORDS: Record<WebhookEventType, string> = {
  "order.completed": "every item of an order completed",
  "order.failed": "an order ended with at least one item not completed",
  "domain.renewed": "a renewal reached the registry",
  "domain.expiring": "a domain expires in about 30 or 7 days (with the renewal notices)",
  "domain.transferred_out": "a domain left for another registrar",
  "balance.low": "the available balance fell below the warning threshold",
};
