/**
 * Starts the files known to run longest before the rest. Vitest orders by the last run's durations
 * when it has them, but a fresh CI checkout has none and falls back to the largest file first, which
 * put the isolation table (a small file, ~140 tests) and the chaos run at the very end: with two
 * workers, one of them then runs alone for minutes. Files not listed keep Vitest's order.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Longest first, as measured on the 2-core CI machine; a file that grows long belongs here.
const LONG_FILES = [
  "tests/integration/chaos/chaos-run.test.ts",
  "tests/integration/ssl/key-link-reissue.test.ts",
  "tests/integration/isolation/isolation.test.ts",
  "tests/integration/seed/demo-names.test.ts",
  "tests/integration/ssl/certificate-pages.test.ts",
  "tests/integration/domains/fulfilment/register.test.ts",
  "tests/unit/tmch/verify-smd-cli.test.ts",
  "tests/unit/ssl/inspect-csr-table.test.ts",
  "tests/unit/registry/epp-contract.test.ts",
  "tests/unit/registry/epp-contract-dialect.test.ts",
  "tests/unit/tmch/standin.test.ts",
  "tests/unit/api/api-client.test.ts",
];

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    // Vitest keeps each project's files together; so does this.
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const rank = (f: TestSpecification) => {
      const i = LONG_FILES.indexOf(path.relative(root, f.moduleId).split(path.sep).join("/"));
      return projects.indexOf(f.project.name) * (LONG_FILES.length + 1) + (i === -1 ? LONG_FILES.length : i);
    };
    // Array.prototype.sort is stable: the unlisted files stay in Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
