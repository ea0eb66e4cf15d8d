/**
 * Runs one registry command for a domain and records it in the domain's history (DomainOperation)
 * with the registry's code and message, whatever the outcome. A refusal becomes an AppError whose
 * message is the registry's answer in words; an unreachable registry becomes REGISTRY_UNAVAILABLE.
 */
import { db, type Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { EppError, RegistryTransportError, type RegistryPort } from "@/server/registry";
import type { EppResult } from "@/server/registry";
import { Prisma } from "@/generated/prisma/client";
import { registryFor } from "./registry-source";
import { describeRegistryResult } from "./registry-words";

export type OperationSubject = { id: string | null; name: string; resellerId: string };

export type CallOptions = { orderItemId?: string; detail?: Record<string, unknown>; tx?: Tx };

export type RegistryAnswer<T> = EppResult<T> & { words: string };

export async function recordOperation(
  tx: Tx,
  ctx: ActorContext,
  domain: OperationSubject,
  operation: string,
  r: { code: number | null; message: string; svTRID?: string; clTRID?: string },
  opts: CallOptions = {},
): Promise<void> {
  await tx.domainOperation.create({
    data: {
      resellerId: domain.resellerId,
      domainId: domain.id,
      domainName: domain.name,
      operation,
      code: r.code,
      message: r.message,
      svTRID: r.svTRID ?? null,
      clTRID: r.clTRID ?? null,
      actorType: ctx.kind,
      actorId: ctx.actorId,
      orderItemId: opts.orderItemId ?? null,
      detail: (opts.detail ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

export async function callRegistry<T>(
  ctx: ActorContext,
  domain: OperationSubject,
  operation: string,
  run: (port: RegistryPort) => Promise<EppResult<T>>,
  opts: CallOptions = {},
): Promise<RegistryAnswer<T>> {
  const tx = opts.tx ?? db;
  try {
    const r = await run(await registryFor(domain.name));
    await recordOperation(
      tx,
      ctx,
      domain,
      operation,
      { code: r.code, message: r.message, svTRID: r.svTRID, clTRID: r.clTRID },
      opts,
    );
    return { ...r, words: describeRegistryResult(r.code, r.message) };
  } catch (e) {
    if (e instanceof EppError) {
      await recordOperation(
        tx,
        ctx,
        domain,
        operation,
        { code: e.code, message: e.eppMessage, svTRID: e.detail.svTRID, clTRID: e.detail.clTRID },
        opts,
      );
      throw new RegistryRefusal(e.code, e.eppMessage);
    }
    if (e instanceof RegistryTransportError) {
      await recordOperation(tx, ctx, domain, operation, { code: null, message: e.message }, opts);
      throw new AppError("REGISTRY_UNAVAILABLE", undefined, { cause: e });
    }
    throw e;
  }
}

/** An AppError that keeps the registry's code, so callers (bulk results, retries) can read it. */
export class RegistryRefusal extends AppError {
  constructor(
    readonly eppCode: number,
    readonly eppMessage: string,
  ) {
    super(
      eppCode === 2400 || eppCode >= 2500 ? "REGISTRY_UNAVAILABLE" : "REGISTRY_ERROR",
      describeRegistryResult(eppCode, eppMessage),
    );
  }
}
