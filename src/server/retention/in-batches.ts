/**
 * Runs a bounded delete until it deletes less than its batch: a backlog is cleared in short
 * statements, so a purge never holds one long lock on a table the product writes to.
 */
export async function deleteInBatches(batch: number, step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step();
    total += n;
    if (n < batch) return total;
  }
}
