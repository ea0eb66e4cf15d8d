/**
 * The registrant's email verification on a domain's page (RAA Whois Accuracy Program): verified, or
 * the deadline, and when the name is suspended for it, why and how to end it; a button sends a new
 * link. Shared by the console and the storefront account (each passes its own action).
 */
import type { VerificationStatus } from "@/server/contact-verification/get-verification-status";
import { ResultForm, type ResultAction } from "../../_components/result-form";

const day = (d: Date) => d.toISOString().slice(0, 10);

export function VerificationPanel({
  domainId,
  status,
  resend,
  canResend = true,
  audience,
}: {
  domainId: string;
  status: VerificationStatus;
  resend: ResultAction;
  canResend?: boolean;
  audience: "staff" | "registrant";
}) {
  if (status.state === "none") return null;
  if (status.state === "verified")
    return (
      <p className="text-sm text-slate-700" data-testid="contact-verification">
        Registrant email {status.email} verified on {day(status.verifiedAt)}.
      </p>
    );
  const you = audience === "registrant";
  const held = status.hold !== null;
  return (
    <section
      aria-labelledby="contact-verification-title"
      data-testid="contact-verification"
      className={`rounded-md border p-4 text-sm ${held ? "border-red-300 bg-red-50 text-red-950" : "border-amber-300 bg-amber-50 text-amber-950"}`}
    >
      <h2 id="contact-verification-title" className="font-semibold">
        {held ? "Suspended: the registrant's email address is not verified" : "Registrant email not yet verified"}
      </h2>
      {held && status.hold ? (
        <p className="mt-1">
          Since {day(status.hold.placedAt)} this domain is on hold at the registry{you ? "" : " (clientHold)"}: its
          website and email do not work. {status.email} was not confirmed within 15 days, as ICANN&apos;s Whois Accuracy
          Program requires.
          {you ? " Confirm it with the link we mailed you" : " The registrant confirms it with the mailed link"}; the
          hold is lifted within minutes.
        </p>
      ) : (
        <p className="mt-1">
          {you ? "Please confirm" : "The registrant must confirm"} {status.email} with the link we mailed
          {status.deadline ? ` by ${day(status.deadline)}` : ""}, or the domain is suspended until{" "}
          {you ? "you do" : "they do"}.{status.lastSentAt ? ` Last link sent ${day(status.lastSentAt)}.` : ""}
        </p>
      )}
      {canResend && (
        <div className="mt-3">
          <ResultForm
            action={resend}
            hidden={{ domainId }}
            submitLabel="Send a new verification link"
            variant="secondary"
          />
        </div>
      )}
    </section>
  );
}
