/**
 * The DNL and the SMDRL in ICANN's CSV layout (standards.md 2.1) with detached OpenPGP signatures.
 * A published snapshot is kept until its content changes, so a list and its signature fetched in two
 * requests always match.
 */
import * as openpgp from "openpgp";
import type { StandInState } from "./model";

export type PublishedList = { csv: string; signature: string };

export function dnlCsv(state: StandInState, createdAt: Date): string {
  const rows = Object.entries(state.dnl)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, e]) => `${label},${e.lookupKey},${e.insertedAt}`);
  return [`1,${createdAt.toISOString()}`, "DNL,lookup-key,insertion-datetime", ...rows, ""].join("\n");
}

export function smdrlCsv(state: StandInState, createdAt: Date): string {
  const rows = state.smdrl.map((r) => `${r.smdId},${r.revokedAt}`);
  return [`1,${createdAt.toISOString()}`, "smd-id,insertion-datetime", ...rows, ""].join("\n");
}

export async function signList(csv: string, armoredPrivateKey: string): Promise<string> {
  const signingKeys = await openpgp.readPrivateKey({ armoredKey: armoredPrivateKey });
  const message = await openpgp.createMessage({ binary: new TextEncoder().encode(csv) });
  return (await openpgp.sign({ message, signingKeys, detached: true, format: "armored" })) as string;
}

/** Caches one list by the content it was made from. */
export class ListPublisher {
  private key = "";
  private published: Promise<PublishedList> | null = null;

  constructor(
    private readonly build: (createdAt: Date) => string,
    private readonly contentKey: () => string,
    private readonly privateKey: string,
  ) {}

  get(now: Date): Promise<PublishedList> {
    const key = this.contentKey();
    if (!this.published || key !== this.key) {
      this.key = key;
      const csv = this.build(now);
      this.published = signList(csv, this.privateKey).then((signature) => ({ csv, signature }));
    }
    return this.published;
  }
}
