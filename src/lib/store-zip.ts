/**
 * A zip archive with every entry stored uncompressed (method 0), for downloads of a few small text
 * files: the kit's SVG, HTML and Markdown are kilobytes, so deflate would buy little and cost a
 * dependency. Names are UTF-8 (general-purpose flag bit 11). No Zip64: past 65,535 entries or 4 GiB
 * it refuses rather than writing an archive readers would misread.
 */
import { crc32 } from "./crc32";

export type ZipEntry = { name: string; data: Uint8Array };

const UTF8_NAMES = 0x0800;
const VERSION = 20;
const LIMIT = 0xffffffff;

/** MS-DOS time and date fields (two-second resolution, local fields read as UTC here). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export function writeStoreZip(entries: readonly ZipEntry[], modifiedAt: Date = new Date()): Uint8Array {
  if (entries.length > 0xffff) throw new Error("too many entries for a zip without Zip64");
  const { time, date } = dosDateTime(modifiedAt);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    if (entry.data.length > LIMIT || offset > LIMIT) throw new Error("entry too large for a zip without Zip64");
    const crc = crc32(entry.data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, VERSION, true);
    l.setUint16(6, UTF8_NAMES, true);
    l.setUint16(8, 0, true);
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.data.length, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, VERSION, true);
    c.setUint16(6, VERSION, true);
    c.setUint16(8, UTF8_NAMES, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.data.length, true);
    c.setUint16(28, name.length, true);
    // Extra field, comment, disk number, internal and external attributes stay zero.
    c.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = centrals.reduce((s, c) => s + c.length, 0);
  if (offset + directorySize > LIMIT) throw new Error("archive too large for a zip without Zip64");
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);

  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
