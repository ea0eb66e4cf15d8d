import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_COVERAGE, ROUTE_COVERAGE } from "./coverage";

const APP = path.resolve(__dirname, "../../../src/app");
const CASES = path.resolve(__dirname, "cases");

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") || f.endsWith(".tsx"));
const read = (dir: string, f: string) => readFileSync(path.join(dir, f), "utf8");

/** Every action made with defineAction or definePublicAction, as "file#name". */
function discoverActions(): string[] {
  return files(APP).flatMap((f) => {
    const text = read(APP, f);
    if (!/^["']use server["']/m.test(text)) return [];
    return [...text.matchAll(/export const (\w+) = define(?:Public)?Action\b/g)].map((m) => `${f}#${m[1]}`);
  });
}

/** Every exported HTTP method of a route handler, as "file METHOD". */
function discoverRoutes(): string[] {
  return files(APP)
    .filter((f) => path.basename(f).startsWith("route."))
    .flatMap((f) =>
      [
        ...read(APP, f).matchAll(
          /export (?:async function|const|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
        ),
      ].map((m) => `${f} ${m[1]}`),
    );
}

const caseText = files(CASES)
  .map((f) => read(CASES, f))
  .join("\n");
const caseNames = new Set([...caseText.matchAll(/name: [`"](.+?)[`"],?\n/g)].map((m) => m[1]));
const calledByCase = (key: string) => new RegExp(`\\b${key.split("#")[1]}(\\.run\\(|", )`).test(caseText);

describe("the isolation suite's coverage", () => {
  const actions = discoverActions();
  const routes = discoverRoutes();

  it("finds the actions and routes it checks", () => {
    expect(actions.length).toBeGreaterThan(50);
    expect(routes.length).toBeGreaterThan(5);
  });

  it("covers every server action: called by a case, or listed with how it stays in its tenant", () => {
    const missing = actions.filter((a) => !calledByCase(a) && !(a in ACTION_COVERAGE));
    expect(missing, "add a case in ./cases/ or an entry in ./coverage.ts").toEqual([]);
  });

  it("covers every route handler", () => {
    expect(
      routes.filter((r) => !(r in ROUTE_COVERAGE)),
      "add an entry in ./coverage.ts",
    ).toEqual([]);
  });

  it("lists nothing that does not exist, and names only cases that exist", () => {
    expect(Object.keys(ACTION_COVERAGE).filter((k) => !actions.includes(k))).toEqual([]);
    expect(Object.keys(ROUTE_COVERAGE).filter((k) => !routes.includes(k))).toEqual([]);
    const named = [...Object.values(ACTION_COVERAGE), ...Object.values(ROUTE_COVERAGE)].flatMap((c) =>
      "service" in c ? [c.service] : [],
    );
    expect(named.filter((n) => !caseNames.has(n))).toEqual([]);
  });
});
