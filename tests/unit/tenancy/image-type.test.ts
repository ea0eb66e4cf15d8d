import { describe, expect, it } from "vitest";
import { detectImageType, LOGO_MAX_BYTES, logoProblem } from "@/lib/image-type";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("logo image type", () => {
  it("recognises PNG, JPEG and WebP by their first bytes", () => {
    expect(detectImageType(png)).toBe("image/png");
    expect(detectImageType(jpeg)).toBe("image/jpeg");
    expect(detectImageType(webp)).toBe("image/webp");
  });

  it("refuses SVG even though it is an image format", () => {
    expect(detectImageType(svg)).toBeNull();
    expect(logoProblem(svg)).toMatch(/PNG, JPEG or WebP/);
  });

  it("refuses a RIFF file that is not WebP, such as a WAV", () => {
    expect(detectImageType(new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).toBeNull();
  });

  it("refuses an empty file and one over 256 KB", () => {
    expect(logoProblem(new Uint8Array())).toMatch(/Choose/);
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(logoProblem(big)).toMatch(/limit is 256 KB/);
    expect(logoProblem(png)).toBeNull();
  });
});
