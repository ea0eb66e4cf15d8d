"use client";
/**
 * Under a refusal for want of a recent confirmation (REAUTH_REQUIRED): a link to "Confirm it's you"
 * that comes back to this page afterwards.
 */
import { usePathname } from "next/navigation";

export const REAUTH_REQUIRED = "REAUTH_REQUIRED";

export function confirmPageHref(back: string): string {
  return `/account/confirm?next=${encodeURIComponent(back)}`;
}

export function ReauthLink({ code }: { code?: string }) {
  const pathname = usePathname();
  if (code !== REAUTH_REQUIRED) return null;
  return (
    <p className="mt-1">
      <a href={confirmPageHref(pathname)} className="font-medium underline underline-offset-4 hover:no-underline">
        Confirm it&apos;s you
      </a>
      , then try again.
    </p>
  );
}
