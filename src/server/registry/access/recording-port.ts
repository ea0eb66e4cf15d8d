/**
 * Ports that record each command they send, for code that hands a port to something else (the
 * fulfilment provisioners) and wants the registry's own failures back unchanged: `EppError` and
 * `RegistryTransportError` pass through as thrown, after the row is written.
 */
import type { ActorContext } from "@/server/context";
import { RegistryRouter, type OperationName, type RegistryPort } from "@/server/registry";
import type { WriteOptions } from "./record-operation";
import { getRegistry } from "./router";
import { sendRecorded } from "./send-recorded";

export type OperationContext = { resellerId: string; actor: ActorContext; orderItemId?: string; domainName?: string };

/** The name a command is about: the domain for domain commands, else the domain the caller names. */
function subjectOf(operation: string, input: unknown, ctx: OperationContext): string {
  const i = (input ?? {}) as { name?: string; id?: string };
  if (operation.endsWith("Domain") && i.name) return i.name;
  return ctx.domainName ?? i.name ?? (i.id ? `contact:${i.id}` : "unknown");
}

/** The port, with each command's outcome recorded under `ctx`. */
export function recordingPort(port: RegistryPort, ctx: OperationContext, opts: WriteOptions = {}): RegistryPort {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== "string" || prop === "close" || typeof value !== "function") return value;
      const operation = prop as OperationName;
      return (input: never) =>
        sendRecorded(
          target,
          operation,
          input,
          {
            resellerId: ctx.resellerId,
            domainName: subjectOf(operation, input, ctx),
            actor: ctx.actor,
            orderItemId: ctx.orderItemId,
          },
          opts,
        );
    },
  });
}

export function recordingRouter(
  router: RegistryRouter,
  ctx: OperationContext,
  opts: WriteOptions = {},
): RegistryRouter {
  const wrapped = new Map<RegistryPort, RegistryPort>();
  const wrap = (port: RegistryPort) => {
    if (!wrapped.has(port)) wrapped.set(port, recordingPort(port, ctx, opts));
    return wrapped.get(port) as RegistryPort;
  };
  return Object.assign(Object.create(RegistryRouter.prototype) as RegistryRouter, {
    forTld: (tld: string) => wrap(router.forTld(tld)),
    forDomain: (name: string) => wrap(router.forDomain(name)),
    checkDomains: (names: string[], years?: number) => router.checkDomains(names, years),
    close: async () => {},
  });
}

/** Runs `fn` with the process's router, its ports recording each command under `ctx`. */
export async function withRegistry<T>(
  ctx: OperationContext,
  fn: (registry: RegistryRouter) => Promise<T>,
  opts: WriteOptions = {},
): Promise<T> {
  return fn(recordingRouter(await getRegistry(), ctx, opts));
}
