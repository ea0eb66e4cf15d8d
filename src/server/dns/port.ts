/** The DNS port: the one question the platform asks DNS (TXT records for host-name verification). */
export interface DnsResolver {
  /** Every TXT string published at `name` (multi-string records joined); [] when there is none. */
  lookupTxt(name: string): Promise<string[]>;
}

export class DnsLookupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DnsLookupError";
  }
}
