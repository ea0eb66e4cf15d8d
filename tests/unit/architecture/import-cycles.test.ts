import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const script = join(import.meta.dirname, "../../../scripts/check-import-cycles.mjs");
let root: string | undefined;

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "cycles-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(dir: string): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync("node", [script, dir], { encoding: "utf8", stdio: "pipe" }) };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { code: err.status, output: err.stderr };
  }
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe("the import-cycle check in npm run lint", () => {
  it("fails on two folders that import each other, naming the file that closes the cycle", () => {
    const dir = tree({
      "src/server/orders/refund.ts": 'import { send } from "@/server/payments/send";\nexport const refund = send;\n',
      "src/server/payments/send.ts": 'import type { Order } from "../orders/refund";\nexport const send = 1;\n',
      "src/server/db.ts": "export const db = 1;\n",
    });
    const { code, output } = check(dir);
    expect(code).toBe(1);
    expect(output).toContain("src/server/payments -> src/server/orders  (src/server/payments/send.ts)");
  });

  it("counts dynamic imports, and allows files of one folder to import each other", () => {
    const ok = check(
      tree({
        "src/server/a/one.ts": 'import { two } from "./two";\nexport const one = two;\n',
        "src/server/a/two.ts": 'export const two = () => import("./one");\n',
        "src/server/b/three.ts": 'import { one } from "@/server/a/one";\nexport const three = one;\n',
      }),
    );
    expect(ok.code).toBe(0);
    rmSync(root as string, { recursive: true, force: true });
    const bad = check(
      tree({
        "src/server/a/one.ts": 'export const load = () => import("@/server/b/three");\n',
        "src/server/b/three.ts": 'import { load } from "@/server/a/one";\nexport const three = load;\n',
      }),
    );
    expect(bad.code).toBe(1);
  });
});
