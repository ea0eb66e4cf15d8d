/**
 * Every management action for one domain, as the actor may use them (the console and the storefront
 * account pass their own server actions). Actions that make no sense in the domain's state are not
 * shown; the services refuse them anyway.
 */
import { Card } from "@/components/card";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import type { DsRecord } from "@/server/registry";
import type { Domain } from "@/generated/prisma/client";
import { transferLockWords } from "@/lib/transfer-lock-words";
import { ResultForm, type ResultAction } from "./result-form";

export type ManageActions = {
  renew: ResultAction;
  restore: ResultAction;
  autoRenew: ResultAction;
  privacy: ResultAction;
  lock: ResultAction;
  nameservers: ResultAction;
  ds: ResultAction;
  revealAuth: ResultAction;
  resetAuth: ResultAction;
  transferAnswer: ResultAction;
  remove?: ResultAction;
};

const YEARS = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} year${i ? "s" : ""}` }));
const REASONS = [
  { value: "objection", label: "I object to this transfer" },
  { value: "fraud", label: "Evidence of fraud" },
  { value: "dispute", label: "Dispute over the registrant's identity" },
  { value: "nonpayment", label: "Non-payment" },
  { value: "recent_registration", label: "Within 60 days of registration" },
  { value: "recent_transfer", label: "Within 60 days of a transfer" },
  { value: "legal", label: "UDRP, URS or court order" },
];

export function ManagePanel({
  domain,
  hosts,
  actions,
  payLabel,
}: {
  domain: Domain;
  hosts: { name: string; addresses: string[] }[];
  actions: ManageActions;
  payLabel: string;
}) {
  const h = { domainId: domain.id };
  const live = domain.state === "active" || domain.state === "expired" || domain.state === "pending_transfer_out";
  const nsText = domain.nameservers
    .map((n) => [n, ...(hosts.find((x) => x.name === n)?.addresses ?? [])].join(" "))
    .join("\n");
  const dsText = ((domain.dsRecords as DsRecord[] | null) ?? [])
    .map((d) => `${d.keyTag} ${d.alg} ${d.digestType} ${d.digest}`)
    .join("\n");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {domain.state === "pending_transfer_out" && (
        <Card
          title="Transfer requested"
          description={`Another registrar asked for this domain. Without an answer the registry approves it on ${domain.pendingTransferDeadline?.toISOString().slice(0, 10) ?? "its deadline"}.`}
          className="lg:col-span-2 border-amber-300"
        >
          <div className="flex flex-wrap gap-6">
            <ResultForm
              action={actions.transferAnswer}
              hidden={{ ...h, decision: "approve" }}
              submitLabel="Approve transfer"
              confirm="Approve the transfer? The domain will leave us now."
            />
            <ResultForm
              action={actions.transferAnswer}
              hidden={{ ...h, decision: "reject" }}
              submitLabel="Reject transfer"
              variant="secondary"
              inline
            >
              <SelectField name="reason" label="Reason (Transfer Policy)" options={REASONS} required />
            </ResultForm>
          </div>
        </Card>
      )}
      {(domain.state === "active" || domain.state === "expired") && (
        <Card
          title="Renew"
          description={`Currently expires on ${domain.expiresAt?.toISOString().slice(0, 10) ?? "—"}. ${payLabel}`}
        >
          <ResultForm action={actions.renew} hidden={h} submitLabel="Renew" idempotent inline>
            <SelectField name="years" label="Period" options={YEARS} defaultValue="1" />
          </ResultForm>
        </Card>
      )}
      {domain.state === "redemption" && (
        <Card
          title="Restore"
          description={`The domain was deleted and is in its redemption period. Restoring costs the restore fee plus one year. ${payLabel}`}
        >
          <ResultForm action={actions.restore} hidden={h} submitLabel="Restore domain" idempotent />
        </Card>
      )}
      {live && (
        <>
          <Card
            title="Auto-renew"
            description={
              domain.autoRenew ? "On: renewed ahead of expiry." : "Off: renew it yourself before it expires."
            }
          >
            <ResultForm
              action={actions.autoRenew}
              hidden={{ ...h, value: domain.autoRenew ? "off" : "on" }}
              submitLabel={domain.autoRenew ? "Turn auto-renew off" : "Turn auto-renew on"}
              variant="secondary"
            />
          </Card>
          <Card title="Transfer lock" description={transferLockWords(domain).description}>
            <ResultForm
              action={actions.lock}
              hidden={{ ...h, value: domain.transferLock ? "off" : "on" }}
              submitLabel={domain.transferLock ? "Unlock" : "Lock"}
              variant="secondary"
            />
          </Card>
          <Card
            title="Name servers"
            description="One per line. A host under this domain needs its IP addresses (glue) after its name."
          >
            <ResultForm action={actions.nameservers} hidden={h} submitLabel="Save name servers">
              <TextAreaField
                name="nameservers"
                label="Name servers"
                rows={4}
                defaultValue={nsText}
                placeholder={`ns1.example-dns.net\nns1.${domain.name} 192.0.2.10`}
              />
            </ResultForm>
          </Card>
          <Card
            title="DNSSEC"
            description="DS records, one per line: key tag, algorithm, digest type, digest. Leave empty to turn DNSSEC off."
          >
            <ResultForm action={actions.ds} hidden={h} submitLabel="Save DS records">
              <TextAreaField
                name="records"
                label="DS records"
                rows={3}
                defaultValue={dsText}
                placeholder="12345 13 2 49FD46E6C4B45C55D4AC…"
              />
            </ResultForm>
          </Card>
          <Card
            title="Privacy"
            description={
              domain.privacy
                ? "On: public lookups show our privacy service."
                : "Off: public lookups show the registrant's details where policy allows."
            }
          >
            <ResultForm
              action={actions.privacy}
              hidden={{ ...h, value: domain.privacy ? "off" : "on" }}
              submitLabel={domain.privacy ? "Turn privacy off" : "Turn privacy on"}
              variant="secondary"
            />
          </Card>
          <Card
            title="Auth code"
            description="Needed to transfer the domain to another registrar. Showing it is recorded."
          >
            <div className="flex flex-wrap gap-4">
              <ResultForm action={actions.revealAuth} hidden={h} submitLabel="Show auth code" variant="secondary" />
              <ResultForm
                action={actions.resetAuth}
                hidden={h}
                submitLabel="Reset auth code"
                variant="secondary"
                confirm="Reset the auth code? The old one stops working."
              />
            </div>
          </Card>
          {actions.remove && (
            <Card
              title="Delete domain"
              description="Within 5 days of registration the name is released and refunded; later it enters a 30-day redemption period."
              className="lg:col-span-2"
            >
              <ResultForm
                action={actions.remove}
                hidden={h}
                submitLabel="Delete domain"
                variant="danger"
                confirm="Delete this domain?"
                inline
              >
                <TextField
                  name="confirmName"
                  label={`Type ${domain.unicodeName} to confirm`}
                  autoComplete="off"
                  required
                />
              </ResultForm>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
