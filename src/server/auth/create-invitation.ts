/**
 * Invites someone to a console. Reseller owners invite any reseller role, admins any but owner;
 * registrar admins invite registrar staff, and any role of any reseller (approving an application
 * invites its owner). Returns the link (also mailed); the token is only stored hashed. A new
 * invitation replaces an open one for the same email and scope. Pass `tx` to join a caller's
 * transaction (e.g. approval).
 */
import { z } from "zod";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/record-audit";
import { assertCanWrite, assertTenant, type ActorContext } from "@/server/context";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { REGISTRAR_ROLES, RESELLER_ROLES, ROLE_LABELS } from "@/server/tenancy/staff-roles";
import { emailSchema } from "./email";
import { baseUrlOf } from "./links";
import { newToken } from "./tokens";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export const createInvitationInput = z.object({
  email: emailSchema,
  role: z.enum([...RESELLER_ROLES, ...REGISTRAR_ROLES], { error: "Choose a role." }),
  /** The reseller to join; null for registrar staff. */
  resellerId: z.string().min(1).nullable(),
});

function assertMayInvite(ctx: ActorContext, resellerId: string | null, role: string): void {
  assertCanWrite(ctx);
  if (ctx.kind === "system" || (ctx.kind === "registrar" && ctx.role === "registrar_admin")) return;
  if (ctx.kind !== "user" || resellerId === null) throw new AppError("FORBIDDEN");
  assertTenant(ctx, resellerId);
  if (ctx.role !== "owner" && ctx.role !== "admin") throw new AppError("FORBIDDEN");
  if (role === "owner" && ctx.role !== "owner")
    throw new AppError("FORBIDDEN", "Only an owner can invite another owner.");
}

export async function createInvitation(
  ctx: ActorContext,
  input: z.input<typeof createInvitationInput>,
  opts: { tx?: Tx } = {},
) {
  const parsed = createInvitationInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", undefined, {
      fields: { [String(parsed.error.issues[0].path[0] ?? "form")]: parsed.error.issues[0].message },
    });
  const { email, role, resellerId } = parsed.data;
  assertMayInvite(ctx, resellerId, role);
  const roles: readonly string[] = resellerId === null ? REGISTRAR_ROLES : RESELLER_ROLES;
  if (!roles.includes(role))
    throw new AppError("INVALID_INPUT", undefined, { fields: { role: "That role does not exist here." } });
  const work = async (tx: Tx) => {
    const reseller =
      resellerId === null
        ? null
        : await tx.reseller.findUnique({ where: { id: resellerId }, select: { displayName: true, status: true } });
    if (resellerId !== null && !reseller) throw new AppError("NOT_FOUND");
    if (ctx.kind === "user" && reseller?.status !== "active") throw new AppError("RESELLER_SUSPENDED");
    const member = await tx.membership.findFirst({ where: { resellerId, user: { email } }, select: { id: true } });
    if (member)
      throw new AppError("CONFLICT", undefined, { fields: { email: "This person is already a member here." } });
    await tx.invitation.updateMany({
      where: { email, resellerId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const { token, tokenHash } = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const invitation = await tx.invitation.create({
      data: { email, resellerId, role, tokenHash, expiresAt, invitedById: ctx.actorId },
    });
    const link = `${baseUrlOf(env().CONSOLE_HOST)}/invitation/${token}`;
    const where = reseller ? reseller.displayName : "the registrar console";
    await queueMail(tx, {
      to: email,
      subject: `You are invited to ${where}`,
      text: `You have been invited to join ${where} as ${ROLE_LABELS[role]}.\n\nAccept within 7 days: ${link}\n`,
      kind: "invitation",
      resellerId,
      secrets: [link],
      secretsUntil: expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: "invitation.create",
      entity: "invitation",
      entityId: invitation.id,
      resellerId,
      after: { email, role },
    });
    return { invitation, link };
  };
  return opts.tx ? work(opts.tx) : db.$transaction(work);
}
