import { describe, expect, it } from "vitest";
import { crc32 } from "@/lib/crc32";
import { writeStoreZip } from "@/lib/store-zip";
import { readStoreZip } from "../../support/read-store-zip";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("CRC-32", () => {
  it("matches the published check values", () => {
    expect(crc32(bytes(""))).toBe(0);
    expect(crc32(bytes("123456789"))).toBe(0xcbf43926);
    expect(crc32(bytes("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
    expect(crc32(bytes("a"))).toBe(0xe8b7be43);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
  });
});

describe("a stored zip", () => {
  const entries = [
    { name: "banners/banner-728x90.svg", data: bytes('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    { name: "texts/domänen.md", data: bytes("# Domains\n") },
    { name: "empty.txt", data: new Uint8Array() },
  ];
  const zip = writeStoreZip(entries, new Date("2026-12-01T10:20:30Z"));

  it("reads back every entry, stored, with UTF-8 names and the right CRC in both headers", () => {
    const read = readStoreZip(zip);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    for (const [i, e] of read.entries()) {
      expect(e.method).toBe(0);
      expect(e.flags & 0x0800).toBe(0x0800);
      expect(e.data).toEqual(entries[i].data);
      expect(e.localCrc).toBe(crc32(entries[i].data));
      expect(e.centralCrc).toBe(e.localCrc);
    }
    expect(read[1].localCrc).toBe(crc32(bytes("# Domains\n")));
  });

  it("holds nothing but the end record when empty", () => {
    const empty = writeStoreZip([]);
    expect(empty).toHaveLength(22);
    expect(readStoreZip(empty)).toEqual([]);
  });
});
