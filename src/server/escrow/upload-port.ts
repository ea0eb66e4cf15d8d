/**
 * Where deposits go: the escrow agent's SFTP drop in production, a local folder in development. The
 * manifest is sent last, so an agent that treats its arrival as "deposit complete" never reads a
 * half-sent deposit; a retried upload overwrites the same names.
 */
import type { DepositFile } from "./build-deposit";
import type { EscrowConfig } from "./escrow-config";
import { localFolderUpload } from "./local-folder-upload";
import { sftpUpload } from "./sftp-upload";

export type EscrowUploadPort = {
  name: string;
  /** Sends the files in order; resolves with where they went, throws when any file was not accepted. */
  upload(files: DepositFile[]): Promise<string>;
};

export function uploadPortFor(config: EscrowConfig): EscrowUploadPort {
  return config.upload.kind === "local" ? localFolderUpload(config.upload.outboxDir) : sftpUpload(config.upload);
}
