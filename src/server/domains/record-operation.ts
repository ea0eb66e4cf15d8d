/**
 * A domain's history: every registry command sent about it, with the registry's code and message.
 * Written outside the caller's transaction on purpose: what the registry did stays recorded even
 * when our own change rolls back.
 */
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { EppError, RegistryTransportError, type RegistryPort } from "@/server/registry";
import { maskJson } from "@/server/registry/logging";
import type { Prisma } from "@/generated/prisma/client";

export type OperationContext = { resellerId: string; actor: ActorContext; orderItemId?: string; domainName?: string };

export type OperationRecord = {
  resellerId: string;
  domainName: string;
  domainId?: string | null;
  operation: string;
  code?: number | null;
  message: string;
  svTRID?: string | null;
  clTRID?: string | null;
  actor: ActorContext;
  orderItemId?: string | null;
  /** Request summary; auth codes and passwords are masked before it is stored. */
  detail?: unknown;
};

/** Checks and polls are not about one domain's history; they are not recorded. */
const UNRECORDED = new Set(["checkDomains", "claimsCheck", "checkHosts", "checkContacts", "pollRequest", "pollAck"]);

function masked(detail: unknown): Prisma.InputJsonValue | undefined {
  if (detail === undefined) return undefined;
  return JSON.parse(maskJson(detail)) as Prisma.InputJsonValue;
}

export async function recordOperation(r: OperationRecord): Promise<void> {
  const name = r.domainName.toLowerCase();
  const domainId = r.domainId ?? (await db.domain.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
  await db.domainOperation.create({
    data: {
      resellerId: r.resellerId,
      domainId,
      domainName: name,
      operation: r.operation,
      code: r.code ?? null,
      message: r.message.slice(0, 2000),
      svTRID: r.svTRID ?? null,
      clTRID: r.clTRID ?? null,
      actorType: r.actor.kind,
      actorId: r.actor.actorId,
      orderItemId: r.orderItemId ?? null,
      detail: masked(r.detail),
    },
  });
}

function subjectOf(op: string, input: unknown, ctx: OperationContext): string {
  const i = (input ?? {}) as { name?: string; id?: string };
  if (op.endsWith("Domain") && i.name) return i.name;
  return ctx.domainName ?? i.name ?? (i.id ? `contact:${i.id}` : "unknown");
}

/** The port, with each command's outcome recorded under `ctx`. */
export function recordingPort(port: RegistryPort, ctx: OperationContext): RegistryPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== "string" || prop === "close" || UNRECORDED.has(prop) || typeof value !== "function")
        return value;
      const call = value as (
        input: unknown,
      ) => Promise<{ code: number; message: string; svTRID: string; clTRID?: string }>;
      return async (input: unknown) => {
        const base = {
          resellerId: ctx.resellerId,
          domainName: subjectOf(prop, input, ctx),
          operation: prop,
          actor: ctx.actor,
          orderItemId: ctx.orderItemId,
          detail: input,
        };
        try {
          const result = await call(input);
          await recordOperation({
            ...base,
            code: result.code,
            message: result.message,
            svTRID: result.svTRID,
            clTRID: result.clTRID,
          });
          return result;
        } catch (e) {
          if (e instanceof EppError) {
            await recordOperation({
              ...base,
              code: e.code,
              message: e.eppMessage,
              svTRID: e.detail.svTRID,
              clTRID: e.detail.clTRID,
            });
          } else if (e instanceof RegistryTransportError) {
            await recordOperation({ ...base, code: null, message: `${e.kind}: ${e.message}` });
          }
          throw e;
        }
      };
    },
  });
}
