/**
 * A free expression of interest: a registrant (their account's address) or a visitor (an address they
 * type) asks to be told when a TLD, or a name's TLD, enters its next phases. Nothing is charged or
 * held. The phase the TLD is in now counts as told, so the first mail is about the next one. A visitor
 * can name any address, so each address has a small number of interests per storefront and gets one
 * mail per interest per phase at most (decision 124).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { assertTenant, systemContext, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { callRegistry, inRegistryModeOf } from "@/server/registry/access";

/** Interests one address may hold at one storefront. */
export const INTERESTS_PER_ADDRESS = 10;

export const interestSchema = z.object({
  /** A name (brand.nova) or a TLD (nova or .nova). */
  subject: z
    .string()
    .trim()
    .toLowerCase()
    .transform((s) => s.replace(/^\./, ""))
    .pipe(z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)?[a-z0-9-]{2,63}$/, "A name or an extension")),
  email: z.email().max(254).optional(),
});

export type RegisterInterestInput = { resellerId: string; interest: unknown };

/** A name to ask the registry about a TLD's phase with: the interest's own name, or an ordinary unreserved label (a reserved one has no fee, so no phase). */
export const probeNameOf = (subject: string, tld: string) => (subject.includes(".") ? subject : `example.${tld}`);

async function phaseOf(resellerId: string, subject: string, tld: string): Promise<string> {
  const name = probeNameOf(subject, tld);
  const { data } = await inRegistryModeOf(resellerId, () =>
    callRegistry(systemContext(resellerId), { id: null, name, resellerId }, "checkDomains", { names: [name] }),
  );
  return data[0]?.phase ?? "open";
}

/** A visitor has no context (null); a registrant's own address is used, whatever the form says. */
export async function registerInterest(ctx: ActorContext | null, input: RegisterInterestInput) {
  if (ctx) assertTenant(ctx, input.resellerId);
  const i = parseInput(interestSchema, input.interest);
  const registrant =
    ctx?.kind === "registrant"
      ? await db.registrant.findFirst({ where: { id: ctx.actorId, resellerId: input.resellerId } })
      : null;
  const email = (registrant?.email ?? i.email)?.toLowerCase();
  if (!email) throw new AppError("INVALID_INPUT", "Enter your email address.", { fields: { email: "Required" } });
  const tld = i.subject.includes(".") ? i.subject.split(".").slice(1).join(".") : i.subject;
  const product = await db.product.findUnique({ where: { code: tld }, select: { id: true } });
  if (!product)
    throw new AppError("INVALID_INPUT", `We do not sell .${tld}.`, { fields: { subject: "Not sold here" } });
  const phase = await phaseOf(input.resellerId, i.subject, tld);
  if (phase === "open")
    throw new AppError("CONFLICT", `.${tld} is open to everyone already.`, { fields: { subject: "Open now" } });
  const where = { resellerId_email_subject: { resellerId: input.resellerId, email, subject: i.subject } };
  const known = await db.launchInterest.findUnique({ where });
  if (known) return { interest: known, created: false };
  const held = await db.launchInterest.count({ where: { resellerId: input.resellerId, email } });
  if (held >= INTERESTS_PER_ADDRESS)
    throw new AppError("CONFLICT", `This address already follows ${INTERESTS_PER_ADDRESS} launches here.`);
  const interest = await db.launchInterest.create({
    data: {
      resellerId: input.resellerId,
      registrantId: registrant?.id ?? null,
      email,
      subject: i.subject,
      tld,
      notifiedPhases: [phase],
    },
  });
  return { interest, created: true };
}
