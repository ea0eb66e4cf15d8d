/** The development stand-in for the agent's drop: files land in a folder (.data/escrow/outbox). */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EscrowUploadPort } from "./upload-port";

export function localFolderUpload(dir: string): EscrowUploadPort {
  return {
    name: "local",
    async upload(files) {
      await mkdir(dir, { recursive: true });
      for (const f of files) {
        // Written aside and renamed, so a reader never sees half a file under its final name.
        const target = path.join(dir, f.name);
        await writeFile(`${target}.part`, f.content);
        await rename(`${target}.part`, target);
      }
      return path.resolve(dir);
    },
  };
}
