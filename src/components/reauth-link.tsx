"use client";
/**
 * Under a refusal for want of a recent confirmation (REAUTH_REQUIRED): a link to "Confirm it's you"
 * that comes back to this page afterwards, query string included.
 */
import { usePathname } from "next/navigation";
import { confirmPageHref, returnPath } from "@/lib/confirm-page-href";

export { confirmPageHref } from "@/lib/confirm-page-href";

export const REAUTH_REQUIRED = "REAUTH_REQUIRED";

export function ReauthLink({ code }: { code?: string }) {
  const pathname = usePathname();
  if (code !== REAUTH_REQUIRED) return null;
  return (
    <p className="mt-1">
      <a
        href={confirmPageHref(pathname)}
        // The query is read when the link is followed (no useSearchParams, which would need a
        // Suspense boundary on every page that has a form): the browser's location is the truth.
        onClick={(e) => {
          e.currentTarget.href = confirmPageHref(returnPath(window.location.pathname, window.location.search));
        }}
        className="font-medium underline underline-offset-4 hover:no-underline"
      >
        Confirm it&apos;s you
      </a>
      , then try again.
    </p>
  );
}
