/**
 * Registry commands and answers in words a registrant understands. The history stores the port's
 * operation name and the registry's code and message (support reads those); pages show these words.
 */
import { z } from "zod";
import type { OperationName } from "@/server/registry";

export { describeRegistryResult } from "@/server/registry/access/result-words";

const OPERATION_WORDS: Record<OperationName, string> = {
  checkDomains: "Availability check",
  claimsCheck: "Trademark claims check",
  createDomain: "Register domain",
  infoDomain: "Look up domain at the registry",
  renewDomain: "Renew domain",
  transferDomain: "Transfer",
  updateDomain: "Change domain",
  deleteDomain: "Delete domain",
  restoreDomain: "Restore domain",
  reportRestore: "Send restore report",
  checkHosts: "Check name server",
  createHost: "Create name server",
  infoHost: "Look up name server",
  updateHost: "Change name server addresses",
  deleteHost: "Delete name server",
  checkContacts: "Check contact",
  createContact: "Create contact",
  infoContact: "Look up contact",
  updateContact: "Change contact details",
  deleteContact: "Delete contact",
  pollRequest: "Read registry message",
  pollAck: "Acknowledge registry message",
};

const TRANSFER_WORDS: Record<string, string> = {
  request: "Request transfer",
  query: "Check transfer status",
  approve: "Approve transfer",
  reject: "Reject transfer",
  cancel: "Cancel transfer",
};

const LOCK = "clientTransferProhibited";

const listOf = z.array(z.unknown()).optional().catch(undefined);
const change = z.object({ nameservers: listOf, statuses: listOf, contacts: listOf }).partial().optional().catch({});

/** The recorded input (or summary) of a command; only what the words need. */
const detailSchema = z
  .object({
    op: z.string().optional().catch(undefined),
    add: change,
    remove: change,
    ds: z.unknown(),
    authInfo: z.unknown(),
    registrant: z.unknown(),
    reconciliation: z
      .object({
        repaired: z.boolean().optional().catch(undefined),
        drift: z
          .array(z.object({ field: z.string() }))
          .optional()
          .catch(undefined),
      })
      .optional()
      .catch(undefined),
  })
  .partial();

type Detail = z.infer<typeof detailSchema>;

function isOperationName(operation: string): operation is OperationName {
  return Object.hasOwn(OPERATION_WORDS, operation);
}

/** Which parts of the domain an update changed, from its recorded input. */
function updateParts(d: Detail): string[] {
  const parts: string[] = [];
  if (d.add?.nameservers || d.remove?.nameservers) parts.push("name servers");
  const added = d.add?.statuses ?? [];
  const removed = d.remove?.statuses ?? [];
  if (added.includes(LOCK)) parts.push("transfer lock on");
  if (removed.includes(LOCK)) parts.push("transfer lock off");
  if ([...added, ...removed].some((s) => s !== LOCK)) parts.push("statuses");
  if (d.ds !== undefined) parts.push("DNSSEC");
  if (d.authInfo !== undefined) parts.push("auth code");
  if (d.registrant !== undefined || d.add?.contacts || d.remove?.contacts) parts.push("contacts");
  return parts;
}

/** "Change domain: name servers", "Approve transfer", … for one history row. */
export function describeOperation(operation: string, detail: unknown): string {
  if (!isOperationName(operation)) return operation;
  const parsed = detailSchema.safeParse(detail ?? {});
  const d: Detail = parsed.success ? parsed.data : {};
  if (operation === "transferDomain") return TRANSFER_WORDS[d.op ?? ""] ?? OPERATION_WORDS.transferDomain;
  if (operation === "updateDomain") {
    const parts = updateParts(d);
    return parts.length ? `${OPERATION_WORDS.updateDomain}: ${parts.join(", ")}` : OPERATION_WORDS.updateDomain;
  }
  if (operation === "infoDomain" && d.reconciliation) {
    const what = d.reconciliation.repaired === false ? "differences found" : "our records corrected";
    const fields = d.reconciliation.drift?.map((x) => x.field) ?? [];
    return `Nightly check: ${what}${fields.length ? ` (${fields.join(", ")})` : ""}`;
  }
  return OPERATION_WORDS[operation];
}
