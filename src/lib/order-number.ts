/**
 * The order number people read and quote: the first eight characters of the order's id, upper case,
 * after a "#". Every page, mail and receipt shows it the same way; the full id stays in URLs.
 */
export function shortOrderNumber(orderId: string): string {
  return `#${orderId.replaceAll("-", "").slice(0, 8).toUpperCase()}`;
}
