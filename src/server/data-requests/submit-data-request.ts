/**
 * Data-subject requests (access, correction, deletion) and third parties' disclosure requests.
 * Identity is confirmed before any clock starts: a signed-in registrant is confirmed by the session;
 * anyone else by a link mailed to the address (the link is a mail secret, only its hash is stored).
 * A request by mail is accepted alike for every address, so the form tells nobody who has an account.
 */
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { baseUrlOf } from "@/server/auth/links";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { DataRequestKind } from "@/generated/prisma/enums";
import { reserveHit } from "@/server/auth/rate-limit";
import { newReference } from "@/server/abuse/reference";
import { reportedName } from "@/server/abuse/classify";
import { ACK_WORKING_DAYS, ANSWER_DAYS, addWorkingDays } from "./working-days";

const LINK_LIFE_MS = 3 * 86_400_000;
const FORM_RULE = { limit: 5, windowMs: 3_600_000 };
const hash = (t: string) => createHash("sha256").update(t).digest("hex");

export const KIND_WORDS: Record<DataRequestKind, string> = {
  access: "a copy of your data",
  correction: "a correction of your data",
  deletion: "deletion of your data",
  disclosure: "disclosure of registration data",
};

export function timersFrom(confirmedAt: Date) {
  return {
    identityConfirmedAt: confirmedAt,
    acknowledgeBy: addWorkingDays(confirmedAt, ACK_WORKING_DAYS),
    answerBy: new Date(confirmedAt.getTime() + ANSWER_DAYS * 86_400_000),
  };
}

async function limit(key: string): Promise<void> {
  if (!(await reserveHit(db, `data-request:${key}`, FORM_RULE)))
    throw new AppError("RATE_LIMITED", "Too many requests from here. Try again later.");
}

async function mailConfirmLink(
  tx: Tx,
  to: string,
  host: string,
  kind: DataRequestKind,
  reference: string,
  resellerId: string,
) {
  const token = randomBytes(32).toString("base64url");
  const link = `${baseUrlOf(host)}/data-request/confirm/${token}`;
  await queueMail(tx, {
    to,
    subject: `Confirm your request ${reference}`,
    text: [
      `We received a request for ${KIND_WORDS[kind]} (reference ${reference}) for this address.`,
      "",
      `Open this link within 3 days to confirm it is yours: ${link}`,
      "",
      "If you did not ask for this, ignore this mail and nothing happens.",
    ].join("\n"),
    kind: "data_request_confirm",
    // Disclosure requests go to the registrar: not a reseller's mail.
    resellerId: kind === "disclosure" ? null : resellerId,
    secrets: [link],
    secretsUntil: new Date(platformNow().getTime() + LINK_LIFE_MS),
  });
  return hash(token);
}

/** A signed-in registrant's own request: confirmed by the session, clocks start now. */
export async function submitOwnSubjectRequest(
  registrant: { id: string; resellerId: string },
  input: { kind: DataRequestKind; details: string },
): Promise<{ reference: string }> {
  await limit(`registrant:${registrant.id}`);
  const r = await db.registrant.findUnique({ where: { id: registrant.id } });
  if (!r || r.resellerId !== registrant.resellerId) throw new AppError("NOT_FOUND");
  const now = platformNow();
  const reference = newReference("DR");
  await db.dataRequest.create({
    data: {
      reference,
      kind: input.kind,
      resellerId: r.resellerId,
      registrantId: r.id,
      requesterName: r.name,
      requesterEmail: r.email,
      details: input.details,
      status: "open",
      identityMethod: "session",
      receivedAt: now,
      ...timersFrom(now),
    },
  });
  return { reference };
}

/** A request by mail address on a storefront: a confirmation link goes to that address, whoever it is. */
export async function submitSubjectRequestByMail(
  req: { clientAddress: string; resellerId: string; host: string },
  input: { kind: DataRequestKind; email: string; details: string },
): Promise<{ reference: string }> {
  await limit(`addr:${req.clientAddress}`);
  const email = input.email.toLowerCase();
  const registrant = await db.registrant.findFirst({ where: { resellerId: req.resellerId, email } });
  const reference = newReference("DR");
  await db.$transaction(async (tx) => {
    const tokenHash = await mailConfirmLink(tx, email, req.host, input.kind, reference, req.resellerId);
    await tx.dataRequest.create({
      data: {
        reference,
        kind: input.kind,
        resellerId: req.resellerId,
        registrantId: registrant?.id ?? null,
        requesterEmail: email,
        requesterName: registrant?.name ?? "",
        details: input.details,
        status: "awaiting_confirmation",
        confirmTokenHash: tokenHash,
        confirmExpiresAt: new Date(platformNow().getTime() + LINK_LIFE_MS),
        receivedAt: platformNow(),
      },
    });
  });
  return { reference };
}

/** A third party asks the registrar to disclose a registrant's data; its address is confirmed by link. */
export async function submitDisclosureRequest(
  req: { clientAddress: string; host: string },
  input: {
    requesterName: string;
    requesterEmail: string;
    requesterOrganisation: string;
    domainName: string;
    legalBasis: string;
    details: string;
  },
): Promise<{ reference: string }> {
  await limit(`addr:${req.clientAddress}`);
  const name = reportedName(input.domainName);
  const domain = name ? await db.domain.findUnique({ where: { name } }) : null;
  if (!domain || ["deleted", "transferred_away"].includes(domain.state))
    throw new AppError("NOT_FOUND", "We do not sponsor that domain name.", {
      fields: { domainName: "We do not sponsor that domain name." },
    });
  const reference = newReference("DR");
  await db.$transaction(async (tx) => {
    const tokenHash = await mailConfirmLink(
      tx,
      input.requesterEmail,
      req.host,
      "disclosure",
      reference,
      domain.resellerId,
    );
    await tx.dataRequest.create({
      data: {
        reference,
        kind: "disclosure",
        resellerId: domain.resellerId,
        registrantId: domain.registrantId,
        requesterName: input.requesterName,
        requesterEmail: input.requesterEmail.toLowerCase(),
        requesterOrganisation: input.requesterOrganisation,
        domainName: domain.name,
        legalBasis: input.legalBasis,
        details: input.details,
        status: "awaiting_confirmation",
        confirmTokenHash: tokenHash,
        confirmExpiresAt: new Date(platformNow().getTime() + LINK_LIFE_MS),
        receivedAt: platformNow(),
      },
    });
  });
  return { reference };
}

/** The mailed link's button: confirms the address and starts the clocks. */
export async function confirmDataRequest(token: string): Promise<{ reference: string; message: string }> {
  const now = platformNow();
  const request = await db.dataRequest.findUnique({ where: { confirmTokenHash: hash(token) } });
  if (!request || request.status !== "awaiting_confirmation")
    throw new AppError("NOT_FOUND", "This confirmation link is not valid or was used already.");
  if (request.confirmExpiresAt && request.confirmExpiresAt < now)
    throw new AppError("CONFLICT", "This confirmation link has expired. Send the request again.");
  const claimed = await db.dataRequest.updateMany({
    where: { id: request.id, status: "awaiting_confirmation" },
    data: { status: "open", identityMethod: "mail_link", confirmTokenHash: null, ...timersFrom(now) },
  });
  if (claimed.count === 0) throw new AppError("NOT_FOUND", "This confirmation link was used already.");
  return {
    reference: request.reference,
    message: `Confirmed. We acknowledge your request ${request.reference} within 2 working days and answer within 30 days.`,
  };
}
