"use server";
/** Registrar admins can run the reconciliation now instead of waiting for the night. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { runReconciliation } from "@/server/domains/reconcile/run-reconciliation";

export const runReconciliationNow = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: z.object({ repair: z.enum(["yes", "no"]).default("yes") }),
  handler: async (_ctx, i) => {
    const r = await runReconciliation({ repair: i.repair === "yes" });
    revalidatePath("/registrar/reconciliation");
    return r;
  },
  redirectTo: (r) => `/registrar/reconciliation/${r.runId}`,
});
