/**
 * The processes under test, each its own `node --import tsx FILE` (no tsx wrapper in between, so a
 * SIGKILL hits the process itself): the mock registry (`npm run registry`) and the job worker
 * (`npm run worker`). Output goes to one log file per process in the run's directory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { root } from "../db/migrations";

export class ManagedProcess {
  private child?: ChildProcess;
  private readonly log: WriteStream;
  private expectingExit = false;
  /** Exits nobody asked for (a crash), with their codes. */
  readonly crashes: string[] = [];
  starts = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
  ) {
    this.log = createWriteStream(path.join(logDir, `${name}.log`), { flags: "a" });
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    this.starts += 1;
    this.log.write(`\n--- start #${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, this.entry)], {
      cwd: root,
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.expectingExit = false;
    child.on("exit", (code, signal) => {
      this.log.write(`--- exit code=${code} signal=${signal} at ${new Date().toISOString()}\n`);
      if (!this.expectingExit && this.child === child) this.crashes.push(`${this.name} exited (${signal ?? code})`);
    });
    this.child = child;
  }

  /** Sends `signal` and waits for the exit (SIGKILL after 15 s if a gentler signal is ignored). */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }

  /** Restarts a process that died on its own, so one crash does not end the run (it is reported). */
  async reviveIfCrashed(): Promise<boolean> {
    if (this.running || this.expectingExit) return false;
    await sleep(500);
    this.start();
    return true;
  }

  async close(): Promise<void> {
    await this.stop("SIGTERM");
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }
}
