import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZodError } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { Tx } from "@/server/db";

const renewJob = defineJob({
  name: "test.renew",
  payload: z.object({ itemId: z.uuid(), years: z.number().int().min(1).max(10) }),
  retry: { limit: 2 },
  handler: async () => {},
});

// Never reached: a payload that fails its schema is refused before the queue is touched.
const noTx = new Proxy({}, { get: () => () => Promise.reject(new Error("the database was used")) }) as unknown as Tx;

describe("typed jobs", () => {
  it("refuses a payload that does not match the job's schema before anything is queued", async () => {
    const bad = { itemId: "not-a-uuid", years: 11 };
    // @ts-expect-error -- a string where the schema wants a number fails the type check as well.
    const wrongType = enqueueJob(noTx, renewJob, { itemId: crypto.randomUUID(), years: "2" });
    await expect(wrongType).rejects.toBeInstanceOf(ZodError);
    await expect(enqueueJob(noTx, renewJob, bad)).rejects.toBeInstanceOf(ZodError);
  });

  it("hands the handler the parsed payload type", async () => {
    const seen: number[] = [];
    const job = defineJob({
      name: "test.years",
      payload: z.object({ years: z.coerce.number() }),
      retry: { limit: 0 },
      handler: async ({ years }) => void seen.push(years + 1),
    });
    await job.handler(job.payload.parse({ years: "2" }));
    expect(seen).toEqual([3]);
  });
});
