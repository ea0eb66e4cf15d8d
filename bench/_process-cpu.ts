/**
 * CPU time the bench's own processes spend, read from /proc (Linux): the server process, and the
 * PostgreSQL backends serving the bench's database. On a machine shared with other work a route's
 * requests per second moves with everyone's load (2x for one build); the CPU milliseconds one request
 * costs its own processes move less (about 1.5x), and their ratio to health's in one run less still.
 * Elsewhere (no /proc) every reading is null and the bench prints none. A backend that closes between
 * two readings drops out of the sum, so the database figure is approximate (it can even dip below zero
 * for a route that sends almost nothing); the server's is exact to the 10 ms tick.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime in ms from a /proc/<pid>/stat line (proc(5): fields 14 and 15). */
export function statCpuMs(stat: string): number | null {
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" do not.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * TICK_MS : null;
}

function processCpuMs(pid: number): number | null {
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return null;
  }
}

/** Summed CPU ms of every PostgreSQL backend whose title names `database` (`postgres: user db …`). */
function backendsCpuMs(database: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (title.startsWith("postgres: ") && title.split(" ")[2] === database) total += processCpuMs(Number(entry)) ?? 0;
  }
  return total;
}

export type CpuReading = { serverMs: number; databaseMs: number };

/** The server's and the database's CPU so far; null where /proc is missing. */
export function readCpu(serverPid: number | undefined, database: string): CpuReading | null {
  if (!serverPid || !existsSync("/proc/self/stat")) return null;
  const serverMs = processCpuMs(serverPid);
  return serverMs === null ? null : { serverMs, databaseMs: backendsCpuMs(database) };
}
