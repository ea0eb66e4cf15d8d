/**
 * A registrant applies for a name in a TLD's sunrise with a signed mark: one of their verified marks
 * on the platform, or an SMD file they upload, naming the registrant contact (a saved one or new
 * details, as at checkout) the registry records for the name. Before anyone pays: the registry must
 * be in sunrise for the TLD and the name available, and the SMD must verify and cover the name's
 * label. The application is a `sunrise_application` order item at the TLD's product, priced from the
 * registry's sunrise fee (registries charge a phase price) with the reseller's premium rule and
 * markup, and fulfilled by the engine (../sunrise/provision-application.ts).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import type { OrderChannel } from "@/generated/prisma/enums";
import { callRegistry, inRegistryModeOf } from "@/server/registry/access";
import { placeOrder } from "@/server/orders/place-order";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { decodeSmdInput } from "@/server/tmch/smd/decode-smd-input";
import type { SunriseDetails } from "../sunrise/application-details";
import { registrantContactInput, resolveRegistrantContact } from "@/server/contacts/registrant-contact";
import { checkSmdFor } from "./check-smd";
import { CONTACT_FIELD_PREFIX, existingOrder } from "./applicant-contact";

/** A form's empty field is "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const sunriseApplicationSchema = z
  .object({
    name: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.[a-z0-9-]{2,63}$/, "A name such as brand.bloom"),
    years: z.coerce.number().int().min(1).max(10).default(1),
    markId: z.preprocess(blankToUndefined, z.uuid().optional()),
    // Bounded here; the verifier refuses anything past a real SMD's size in its own words.
    smdFile: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(1024 * 1024)
        .optional(),
    ),
    ...registrantContactInput,
  })
  .refine((i) => !!i.markId !== !!i.smdFile, {
    message: "Choose one of your marks or paste an SMD file",
    path: ["smdFile"],
  });

export type ApplySunriseInput = {
  resellerId: string;
  registrantId: string;
  application: unknown;
  idempotencyKey: string;
  channel: OrderChannel;
  payment: "balance" | "checkout";
};

async function smdOf(input: ApplySunriseInput, markId?: string, smdFile?: string) {
  if (smdFile) return { file: smdFile.trim(), markId: null };
  const mark = await db.tmchMark.findFirst({
    where: { id: markId, resellerId: input.resellerId, registrantId: input.registrantId },
  });
  if (!mark) throw new AppError("NOT_FOUND", "No such mark.");
  if (mark.state !== "verified" || !mark.smdFile)
    throw new AppError("INVALID_INPUT", "This mark has no SMD: it must be verified, with a proof of use.", {
      fields: { markId: "No SMD for this mark yet" },
    });
  return { file: mark.smdFile, markId: mark.id };
}

/** The TLD must be in sunrise and the name free; the answer carries the registry's sunrise fee. */
async function sunriseFee(ctx: ActorContext, resellerId: string, name: string, years: number): Promise<number> {
  const subject = { id: null, name, resellerId };
  const { data } = await inRegistryModeOf(resellerId, () =>
    callRegistry(ctx, subject, "checkDomains", { names: [name], years }),
  );
  const check = data[0];
  if (check?.phase !== "sunrise")
    throw new AppError("INVALID_INPUT", `${name.split(".").slice(1).join(".")} is not in sunrise.`, {
      fields: { name: "Not in sunrise" },
    });
  if (!check.available)
    throw new AppError("CONFLICT", `${name} is not available${check.reason ? `: ${check.reason}` : ""}.`, {
      fields: { name: "Not available" },
    });
  const fee = check.prices.create;
  if (!fee || fee.currency !== "USD") throw new AppError("REGISTRY_ERROR", "The registry gave no sunrise fee.");
  return fee.amount;
}

export async function applySunrise(ctx: ActorContext, input: ApplySunriseInput) {
  assertTenant(ctx, input.resellerId);
  if (ctx.kind === "registrant" && ctx.actorId !== input.registrantId) throw new AppError("FORBIDDEN");
  const a = parseInput(sunriseApplicationSchema, input.application);
  const [label, tld] = [a.name.split(".")[0], a.name.split(".").slice(1).join(".")];
  // The mark first: someone else's is "not found" whatever else is wrong with the application.
  const smd = await smdOf(input, a.markId, a.smdFile);
  const product = await db.product.findUnique({ where: { code: tld }, select: { id: true } });
  if (!product) throw new AppError("INVALID_INPUT", `We do not sell .${tld}.`, { fields: { name: "Not sold here" } });
  const placed = await existingOrder(input.resellerId, input.idempotencyKey);
  if (placed) return { order: placed };
  const checked = await checkSmdFor(label, smd.file);
  const fee = await sunriseFee(ctx, input.resellerId, a.name, a.years);
  const contactId = await resolveRegistrantContact(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    contactId: a.contactId,
    contact: a.contact,
    fieldPrefix: CONTACT_FIELD_PREFIX,
  });
  const details: SunriseDetails = {
    unicodeName: a.name,
    contactId,
    encodedSignedMark: Buffer.from(decodeSmdInput(smd.file), "utf8").toString("base64"),
    smdId: checked.smdId,
    markId: smd.markId,
    registryFeeUsd: fee,
  };
  const { order, created } = await placeOrder(ctx, {
    resellerId: input.resellerId,
    registrantId: input.registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: input.channel,
    payment: input.payment,
    items: [
      {
        kind: "sunrise_application",
        productCode: tld,
        subject: a.name,
        period: a.years,
        premiumFeeUsd: fee,
        details,
      },
    ],
  });
  if (created && input.payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, order.items));
  return { order };
}
