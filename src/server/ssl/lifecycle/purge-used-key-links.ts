/**
 * The marks of used new-key links (decision 134) go once no link could carry their nonce: a link
 * lives a week from when it was made, which is before it was used, so a mark a day past that guards
 * nothing (the day covers app and database clocks that disagree). Deleted in batches, nightly
 * (decision 144).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { deleteInBatches } from "@/server/retention/in-batches";
import { KEY_LINK_TTL_MS } from "./key-link-token";

export const KEY_LINK_USE_RETENTION_MS = KEY_LINK_TTL_MS + 24 * 60 * 60_000;
const BATCH = 5000;

export async function purgeUsedKeyLinks(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEY_LINK_USE_RETENTION_MS);
  return deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      delete from "CertificateKeyLinkUse" where nonce in (
        select nonce from "CertificateKeyLinkUse" where "usedAt" < ${before} limit ${BATCH})`,
  );
}

export const purgeUsedKeyLinksJob = defineJob({
  name: "ssl.purge-used-key-links",
  payload: z.object({}),
  cron: "47 3 * * *",
  retry: { limit: 0 },
  handler: async () => void (await purgeUsedKeyLinks()),
});
