import { env } from "@/env";

/** Absolute base URL of one of our hosts, for links in mail. */
export function baseUrlOf(host: string): string {
  return `${env().PUBLIC_SCHEME}://${host}`;
}
