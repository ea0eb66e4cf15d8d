/** A miniature storefront drawn with the same CSS variables the real storefront uses. */
import Image from "next/image";
import type { CSSProperties } from "react";
import { brandVariables, type BrandLook } from "@/lib/brand-theme";

type Props = { look: BrandLook; name: string; tagline: string; logoUrl: string | null; supportEmail: string };

export function BrandPreview({ look, name, tagline, logoUrl, supportEmail }: Props) {
  return (
    <div
      aria-label="Storefront preview"
      role="img"
      style={{ ...brandVariables(look), fontFamily: "var(--brand-font)" } as CSSProperties}
      className="overflow-hidden rounded-lg border border-slate-300 bg-[var(--brand-bg)] text-[var(--brand-text)] shadow-sm"
      data-testid="brand-preview"
    >
      <div className="flex items-center justify-between bg-[var(--brand-primary)] px-4 py-3 text-[var(--brand-on-primary)]">
        <span className="flex items-center gap-2 font-bold">
          {logoUrl ? (
            <Image
              src={logoUrl}
              alt=""
              width={28}
              height={28}
              unoptimized
              className="h-7 w-auto rounded bg-white/90 p-0.5"
            />
          ) : (
            <span className="flex h-7 w-7 items-center justify-center rounded-full bg-[var(--brand-accent)] text-sm text-[var(--brand-on-accent)]">
              {name.slice(0, 1).toUpperCase() || "?"}
            </span>
          )}
          {name || "Your storefront"}
        </span>
        <span className="rounded bg-[var(--brand-accent)] px-2 py-1 text-xs text-[var(--brand-on-accent)]">
          Create account
        </span>
      </div>
      <div className="bg-[var(--brand-primary)] px-4 pt-2 pb-6 text-[var(--brand-on-primary)]">
        <p className="text-xl font-bold">{tagline || `Find your domain name at ${name || "your storefront"}`}</p>
        <div className="mt-3 flex gap-2">
          <span className="flex-1 rounded bg-white px-2 py-1.5 text-sm text-slate-500">yourname.com</span>
          <span className="rounded bg-[var(--brand-accent)] px-3 py-1.5 text-sm font-semibold text-[var(--brand-on-accent)]">
            Search
          </span>
        </div>
      </div>
      <div className="space-y-2 px-4 py-4 text-sm">
        <p className="font-semibold">Why register with {name || "us"}</p>
        <p>Body text appears in this colour on your background.</p>
        <p>
          Support:{" "}
          <span className="underline decoration-[var(--brand-primary)] decoration-2 underline-offset-4">
            {supportEmail || "support@example.com"}
          </span>
        </p>
      </div>
    </div>
  );
}
