/** Lets go of this process's database and queue connections before the run's database is dropped. */
import { db } from "../../src/server/db";
import { queue } from "../../src/server/jobs/boss";

export async function closeServices(): Promise<void> {
  await (await queue()).stop({ graceful: false, wait: true }).catch(() => {});
  await db.$disconnect().catch(() => {});
}
