/**
 * The registrar publishes a new version of the reseller agreement (RAA 3.12: a written agreement with
 * every reseller) with a date by which each reseller's owner must accept it; every active or
 * suspended reseller's owners are told by mail.
 */
import { db } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";
import { env } from "@/env";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { PublishAgreementInput } from "./agreement-inputs";

export async function publishAgreement(ctx: ActorContext, input: PublishAgreementInput) {
  assertCanWrite(ctx);
  assertRole(ctx, ["registrar_admin"]);
  if (ctx.kind !== "registrar") throw new AppError("FORBIDDEN");
  const acceptBy = new Date(`${input.acceptBy}T23:59:59.999Z`);
  if (acceptBy <= platformNow())
    throw new AppError("INVALID_INPUT", "The acceptance date must be in the future.", {
      fields: { acceptBy: "Choose a date after today." },
    });
  if (await db.resellerAgreementVersion.findUnique({ where: { version: input.version } }))
    throw new AppError("CONFLICT", `Version ${input.version} is already published.`, {
      fields: { version: "This version is already published." },
    });
  const owners = await db.membership.findMany({
    where: { role: "owner", reseller: { status: { not: "closed" } }, user: { disabledAt: null } },
    select: { resellerId: true, user: { select: { email: true, name: true } } },
  });
  return db.$transaction(async (tx) => {
    const version = await tx.resellerAgreementVersion.create({
      data: {
        version: input.version,
        title: input.title,
        summary: input.summary,
        body: input.body,
        acceptBy,
        publishedAt: platformNow(),
        publishedById: ctx.actorId,
      },
    });
    await recordAudit(tx, ctx, {
      action: "agreement.publish",
      entity: "reseller_agreement",
      entityId: version.id,
      resellerId: null,
      after: { version: version.version, title: version.title, acceptBy },
    });
    for (const o of owners)
      await queueMail(tx, {
        to: o.user.email,
        subject: `New reseller agreement ${version.version}: please accept by ${input.acceptBy}`,
        text: [
          `Hello ${o.user.name},`,
          "",
          `We have published version ${version.version} of the reseller agreement ("${version.title}").`,
          ...(version.summary ? ["", "What changed:", version.summary] : []),
          "",
          `Please read and accept it in your console by ${input.acceptBy} (UTC): https://${env().CONSOLE_HOST}/console/agreement`,
          "After that date your console is read-only until an owner accepts it.",
        ].join("\n"),
        kind: "agreement_published",
        resellerId: o.resellerId,
      });
    return version;
  });
}
