/** One DCV challenge as a certificate request keeps it (CertificateRequest.dcv), for status pages and the poll. */
import type { DcvChallenge } from "@/server/ssl/ca/port";

export type DcvEntry = DcvChallenge & {
  /** "platform": our DNS publisher put the record in place; "registrant": they must. */
  publishedBy: "platform" | "registrant";
  /** When the platform published the record (ISO time). */
  published?: string;
};
