/**
 * Intake of a request to reveal the customer behind the privacy service, from the public form on the
 * console host. Bounded by its schema and rate-limited per client address and per requester address,
 * as the abuse form is. The evidence is kept as received with its SHA-256; the requester gets a
 * receipt with the time limits, and the registrant is told at once and may answer.
 */
import { createHash } from "node:crypto";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";
import { reserveHit, type RateRule } from "@/server/auth/rate-limit";
import { reportedName } from "@/server/abuse/classify";
import { newReference } from "@/server/abuse/reference";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { baseUrlOf } from "@/server/auth/links";
import { brandOf, storefrontHostOf } from "@/server/tenancy/storefront-host";
import type { RevealRequestInput } from "./reveal-inputs";
import { day, REQUESTER_KIND_WORDS, revealClocks } from "./reveal-clock";
import { registrantAddressOf } from "./registrant-address";

export const REVEAL_ADDRESS_RULE: RateRule = { limit: 5, windowMs: 3_600_000 };
export const REVEAL_REQUESTER_RULE: RateRule = { limit: 10, windowMs: 24 * 3_600_000 };

const NOT_OURS = "We hold no name behind our privacy service by that name.";

export async function submitRevealRequest(
  req: { clientAddress: string },
  input: RevealRequestInput,
): Promise<{ reference: string }> {
  const byAddress = await reserveHit(db, `reveal-form:addr:${req.clientAddress}`, REVEAL_ADDRESS_RULE);
  const byRequester =
    byAddress &&
    (await reserveHit(db, `reveal-form:mail:${input.requesterEmail.toLowerCase()}`, REVEAL_REQUESTER_RULE));
  if (!byAddress || !byRequester) throw new AppError("RATE_LIMITED", "Too many requests from here. Try again later.");

  const name = reportedName(input.domainName);
  const domain = name ? await db.domain.findUnique({ where: { name } }) : null;
  // Whether a name is behind the service is public (RDAP shows it), so saying so leaks nothing.
  if (!domain || !domain.privacy || ["deleted", "transferred_away"].includes(domain.state))
    throw new AppError("NOT_FOUND", NOT_OURS, { fields: { domainName: NOT_OURS } });

  const now = platformNow();
  const clocks = revealClocks(now);
  const reference = newReference("RV");
  const registrant = await registrantAddressOf(domain);
  const registrar = await db.registrar.findFirst({ select: { legalName: true } });
  const storefront = baseUrlOf(await storefrontHostOf(domain.resellerId));
  const brand = await brandOf(domain.resellerId);
  await db.$transaction(async (tx) => {
    const request = await tx.revealRequest.create({
      data: {
        reference,
        domainId: domain.id,
        resellerId: domain.resellerId,
        domainName: domain.name,
        requesterKind: input.requesterKind,
        requesterName: input.requesterName,
        requesterEmail: input.requesterEmail.toLowerCase(),
        requesterOrganisation: input.requesterOrganisation,
        reason: input.reason,
        evidence: input.evidence,
        evidenceSha256: createHash("sha256").update(input.evidence).digest("hex"),
        ...clocks,
      },
    });
    // The registrar's chain names no requester; the reseller's chain says only that a request arrived.
    await recordAudit(tx, systemContext(null), {
      action: "privacy.reveal.received",
      entity: "reveal_request",
      entityId: request.id,
      resellerId: null,
      after: { reference, domainName: domain.name, requesterKind: input.requesterKind },
    });
    await recordAudit(tx, systemContext(domain.resellerId), {
      action: "privacy.reveal.received",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      after: { reference },
    });
    await queueMail(tx, {
      to: request.requesterEmail,
      subject: `We received your request ${reference}`,
      text: [
        `We received your request ${reference} to reveal the registrant of ${domain.unicodeName}, a name our privacy service holds.`,
        "",
        `We acknowledge it by ${day(clocks.acknowledgeBy)}. The registrant is told now and may answer until ${day(clocks.registrantAnswerBy)}; we decide by ${day(clocks.decideBy)} and write to you with the outcome and our reason.`,
      ].join("\n"),
      kind: "privacy_reveal_receipt",
      resellerId: null,
    });
    if (registrant)
      await queueMail(tx, {
        to: registrant,
        subject: `A request to reveal your details for ${domain.unicodeName}`,
        text: [
          `${registrar?.legalName ?? "Our privacy service"} received a request from ${REQUESTER_KIND_WORDS[input.requesterKind]} to disclose the registration data that our privacy service keeps private for ${domain.unicodeName} (reference ${reference}).`,
          "",
          `The reason given: ${input.reason}`,
          "",
          `You may agree or object, with your reasons, until ${day(clocks.registrantAnswerBy)}: ${storefront}/account/domains/${domain.id}`,
          `We decide by ${day(clocks.decideBy)} and tell you the outcome. Nothing is disclosed before your time to answer has passed, unless you agree.`,
          "",
          brand,
        ].join("\n"),
        kind: "privacy_reveal_notice",
        resellerId: domain.resellerId,
      });
  });
  return { reference };
}
