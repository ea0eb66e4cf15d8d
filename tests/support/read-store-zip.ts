/**
 * A small zip reader for tests: walks the end record, the central directory and each local header,
 * and returns every stored entry with the CRC-32 both headers claim, so a test can check them against
 * the data independently of the writer.
 */
export type ReadEntry = {
  name: string;
  data: Uint8Array;
  method: number;
  flags: number;
  localCrc: number;
  centralCrc: number;
};

export function readStoreZip(zip: Uint8Array): ReadEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = zip.length - 22;
  if (v.getUint32(endAt, true) !== 0x06054b50) throw new Error("no end of central directory record");
  const count = v.getUint16(endAt + 10, true);
  const directorySize = v.getUint32(endAt + 12, true);
  let at = v.getUint32(endAt + 16, true);
  if (at + directorySize !== endAt) throw new Error("central directory does not end where the end record starts");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (v.getUint32(at, true) !== 0x02014b50) throw new Error(`central header ${i} missing`);
    const flags = v.getUint16(at + 8, true);
    const method = v.getUint16(at + 10, true);
    const centralCrc = v.getUint32(at + 16, true);
    const size = v.getUint32(at + 20, true);
    const nameLength = v.getUint16(at + 28, true);
    const skip = v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
    const localAt = v.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + skip;

    if (v.getUint32(localAt, true) !== 0x04034b50) throw new Error(`local header of ${name} missing`);
    const localCrc = v.getUint32(localAt + 14, true);
    if (v.getUint32(localAt + 18, true) !== size || v.getUint32(localAt + 22, true) !== size)
      throw new Error(`sizes of ${name} disagree`);
    const localName = decoder.decode(zip.subarray(localAt + 30, localAt + 30 + v.getUint16(localAt + 26, true)));
    if (localName !== name) throw new Error(`names disagree: ${localName} / ${name}`);
    const dataAt = localAt + 30 + v.getUint16(localAt + 26, true) + v.getUint16(localAt + 28, true);
    entries.push({ name, data: zip.slice(dataAt, dataAt + size), method, flags, localCrc, centralCrc });
  }
  return entries;
}
