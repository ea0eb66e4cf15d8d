/**
 * `import "server-only"` marks modules that must never reach a browser bundle: Next refuses to build a
 * client component that imports one, directly or through anything it imports. Outside Next (the
 * worker, scripts, benchmarks, the browser-test runner) the package throws on import, because only
 * Next's server bundles resolve it under React's "react-server" condition. Entry points that run
 * outside Next import this module first; it resolves `server-only` to the package's own empty build
 * for the rest of the process. Vitest does the same with an alias (vitest.config.ts).
 */
import Module, { createRequire } from "node:module";
import path from "node:path";

const emptyBuild = path.join(path.dirname(createRequire(__filename).resolve("server-only")), "empty.js");

type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request, parent, isMain, options) {
  return request === "server-only" ? emptyBuild : resolve.call(this, request, parent, isMain, options);
};
