/**
 * The agent's SFTP drop, through the system's OpenSSH `sftp` client in batch mode (no SFTP library is
 * installed). Each file is put under a temporary name and renamed, manifest last. Untested against a
 * real agent: only the batch script is checked (tests/unit/escrow), so confirm with the agent's
 * onboarding test upload before relying on it.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EscrowConfig } from "./escrow-config";
import type { EscrowUploadPort } from "./upload-port";

type SftpSettings = Extract<EscrowConfig["upload"], { kind: "sftp" }>;

function quoteArg(value: string): string {
  return `"${value.replace(/(["\\])/g, "\\$1")}"`;
}

/** The batch script: stops at the first failing command, except the removal of a file not there yet. */
export function sftpBatch(localDir: string, names: string[], remoteDir: string): string {
  const lines = [`cd ${quoteArg(remoteDir)}`];
  for (const name of names) {
    lines.push(`put ${quoteArg(path.join(localDir, name))} ${quoteArg(`${name}.part`)}`);
    // SFTP v3 rename does not replace: a retried upload removes the earlier copy first.
    lines.push(`-rm ${quoteArg(name)}`);
    lines.push(`rename ${quoteArg(`${name}.part`)} ${quoteArg(name)}`);
  }
  return lines.join("\n") + "\n";
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`sftp exited with ${code}: ${stderr.trim().slice(0, 500)}`)),
    );
  });
}

export function sftpUpload(settings: SftpSettings): EscrowUploadPort {
  return {
    name: "sftp",
    async upload(files) {
      const dir = await mkdtemp(path.join(tmpdir(), "escrow-sftp-"));
      try {
        for (const f of files) await writeFile(path.join(dir, f.name), f.content, { mode: 0o600 });
        const batch = path.join(dir, "batch.txt");
        await writeFile(
          batch,
          sftpBatch(
            dir,
            files.map((f) => f.name),
            settings.remoteDir,
          ),
        );
        await run("sftp", [
          "-b",
          batch,
          "-i",
          settings.privateKeyFile,
          "-P",
          String(settings.port),
          "-o",
          "BatchMode=yes",
          `${settings.user}@${settings.host}`,
        ]);
        return `sftp://${settings.user}@${settings.host}:${settings.port}${settings.remoteDir}`;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
