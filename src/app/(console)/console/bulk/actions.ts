"use server";
/** Starting a bulk action from the domains list selection or from an uploaded CSV. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { createBulkJob, namesFromCsv } from "@/server/domains/bulk/create-bulk-job";

const actions = ["renew", "nameservers", "lock", "unlock", "auto_renew_on", "auto_renew_off"] as const;

const bulkInput = z
  .object({
    action: z.enum(actions, { message: "Choose what to do." }),
    names: z.union([z.string(), z.array(z.string())]).optional(),
    namesText: z.string().max(200_000).optional(),
    csv: z.instanceof(File).optional(),
    years: z.coerce.number().int().min(1).max(10).optional(),
    nameservers: z.string().max(2_000).optional(),
  })
  // Synchronous: the action client parses with safeParse, so the CSV file is read in the handler.
  .transform((i) => {
    const selected = typeof i.names === "string" ? [i.names] : (i.names ?? []);
    const typed = (i.namesText ?? "").split(/[\s,;]+/).filter(Boolean);
    return { ...i, list: [...selected, ...typed] };
  });

export const startBulkJob = defineAction({
  area: "console",
  roles: ["owner", "admin", "support"],
  input: bulkInput,
  handler: async (ctx, i) => {
    const fromCsv = i.csv && i.csv.size > 0 ? namesFromCsv(await i.csv.text()) : [];
    return createBulkJob(ctx, {
      action: i.action,
      names: [...i.list, ...fromCsv],
      years: i.years,
      nameservers: i.nameservers,
      source: fromCsv.length ? "csv" : "selection",
    });
  },
  redirectTo: (job) => `/console/bulk/${job.id}`,
});
