/**
 * This process's own writes to what the storefront caches hold drop its caches at once, before the
 * commit's notification comes back through the listener: a server action that saves and then renders
 * in the same request, or a test that writes then reads, must not see the old value for the moment
 * the notification is on its way. Other processes learn from the database's triggers (listen.ts).
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { invalidate } from "./bus";

// Model → columns whose change routes or prices nothing (the triggers ignore them too).
const WATCHED: Record<string, readonly string[]> = {
  Registrar: [],
  Reseller: [],
  ResellerBranding: [],
  HostName: ["lastCheckedAt", "lastCheckError"],
  ResellerBilling: ["lowBalanceWarnedAt", "creditLimit", "lowBalanceThreshold"],
  RetailOverride: [],
  Promotion: [],
  Product: [],
  WholesaleTier: [],
  WholesalePrice: [],
  ExchangeRate: [],
  RegistryCost: [],
};

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

function touchesWatched(model: string, operation: string, args: unknown): boolean {
  const ignored = WATCHED[model];
  if (!ignored || !WRITES.has(operation)) return false;
  if (!ignored.length || !operation.startsWith("update")) return true;
  const data = (args as { data?: Record<string, unknown> } | undefined)?.data;
  return !data || Object.keys(data).some((k) => !ignored.includes(k));
}

export function invalidateOnLocalWrites(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      // Emptying tables by hand (tests, scripts) may skip the triggers (replica mode): forget everything.
      async $executeRawUnsafe({ args, query }) {
        const truncates = typeof args[0] === "string" && /\btruncate\b/i.test(args[0]);
        if (truncates) invalidate("all");
        const result = await query(args);
        if (truncates) invalidate("all");
        return result;
      },
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const watched = touchesWatched(model, operation, args);
          // Before the write as well as after: a load racing the write must not be stored either.
          if (watched) invalidate("all");
          const result = await query(args);
          if (watched) invalidate("all");
          return result;
        },
      },
    },
  }) as unknown as PrismaClient;
}
