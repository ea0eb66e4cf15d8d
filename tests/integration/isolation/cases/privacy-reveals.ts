// Reveal requests: only the registrant of the name answers one, through the storefront action as a
// browser would call it; another reseller's registrant and another registrant of the same reseller
// get "not found", and the request keeps no answer.
import { expect } from "vitest";
import { db } from "@/server/db";
import { RegistryRouter } from "@/server/registry";
import { setRegistryForTests } from "@/server/registry/access";
import { answerOwnRevealRequest } from "@/app/(storefront)/[host]/account/domains/[id]/_components/reveal-actions";
import { revealClocks } from "@/server/privacy-proxy/reveal/reveal-clock";
import { inProcessEnv, type ContractEnv } from "../../../support/epp-test-registry";
import { createManagedDomain, createRegistrant } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";

let registry: ContractEnv | undefined;

/** A privacy-protected name of a registrant of reseller B, with a request about it waiting for an answer. */
async function pendingRequest(t: TwoTenants, owner: "customer" | "other") {
  registry ??= await inProcessEnv();
  setRegistryForTests(new RegistryRouter({ byTld: {}, fallback: registry.platform }), "platform");
  const other = owner === "other" ? await createRegistrant(t.b.reseller.id) : null;
  const registrantId = other?.registrant.id ?? t.b.customer.registrant.id;
  const d = await createManagedDomain(registry, { resellerId: t.b.reseller.id, registrantId });
  await db.domain.update({ where: { id: d.id }, data: { privacy: true } });
  const request = await db.revealRequest.create({
    data: {
      reference: `RV-ISO${d.id.slice(0, 6)}`,
      domainId: d.id,
      resellerId: t.b.reseller.id,
      domainName: d.name,
      requesterKind: "complainant",
      requesterName: "Rita Requester",
      requesterEmail: "rita@example.test",
      reason: "The site copies my shop and takes orders in my name.",
      evidenceSha256: "0".repeat(64),
      ...revealClocks(new Date()),
    },
  });
  return { request, other };
}

const answer = (requestId: string) => ({ requestId, position: "consent", answer: "" });

async function unanswered(id: string) {
  expect((await db.revealRequest.findUniqueOrThrow({ where: { id } })).registrantAnsweredAt).toBeNull();
}

export const cases = [
  isolationCase({
    name: "reseller A's registrant cannot answer a reveal request about reseller B's registrant's name",
    setup: (t: TwoTenants) => pendingRequest(t, "customer"),
    attack: ({ a }, s) => answerOwnRevealRequest.run(a.customer.ctx, answer(s.request.id)),
    control: ({ b }, s) => answerOwnRevealRequest.run(b.customer.ctx, answer(s.request.id)),
    unchanged: async (_t, s) => unanswered(s.request.id),
  }),
  isolationCase({
    name: "registrant X cannot answer a reveal request about registrant Y's name at the same reseller",
    setup: (t: TwoTenants) => pendingRequest(t, "other"),
    attack: ({ b }, s) => answerOwnRevealRequest.run(b.customer.ctx, answer(s.request.id)),
    control: (_t, s) => answerOwnRevealRequest.run(s.other?.ctx ?? _t.b.customer.ctx, answer(s.request.id)),
    unchanged: async (_t, s) => unanswered(s.request.id),
  }),
];
