/** `npm run ssl:inspect-csr -- FILE`: one JSON line with the CSR checks' verdict. Exit code 1 when not ok. */
import { closeSync, openSync, readSync } from "node:fs";
import { inspectCsr } from "../src/server/ssl/csr/inspect-csr";
import { MAX_CSR_BYTES } from "../src/server/ssl/csr/decode-csr-input";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run ssl:inspect-csr -- FILE");
    process.exit(2);
  }
  // Read at most one byte past the limit: a huge file is refused without loading it.
  const buffer = Buffer.alloc(MAX_CSR_BYTES + 1);
  const fd = openSync(file, "r");
  let length = 0;
  try {
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  const bytes = buffer.subarray(0, length);
  const r = await inspectCsr(bytes);
  const { ok, problems, names, keyType, keySize, curve, signatureHash, spkiSha256 } = r;
  console.log(JSON.stringify({ ok, problems, names, keyType, keySize, curve, signatureHash, spkiSha256 }));
  process.exit(ok ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
