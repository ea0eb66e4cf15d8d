/** Live or test endpoints: two links, the current one marked for assistive technology too. */
import Link from "next/link";
import type { WebhookMode } from "@/server/webhooks/webhook-mode";

const LABELS: Record<WebhookMode, string> = { live: "Live endpoints", test: "Test endpoints" };

export function ModeSwitch({ mode }: { mode: WebhookMode }) {
  return (
    <nav aria-label="Webhook mode" className="flex gap-2">
      {(["live", "test"] as const).map((m) => (
        <Link
          key={m}
          href={m === "live" ? "/console/webhooks" : "/console/webhooks?mode=test"}
          aria-current={m === mode ? "page" : undefined}
          className={`rounded px-3 py-1 text-sm ${m === mode ? "bg-slate-900 text-white" : "border border-slate-300 underline"}`}
        >
          {LABELS[m]}
        </Link>
      ))}
    </nav>
  );
}

/** The mode a page was asked for: anything but "test" is live. */
export function modeOf(raw: string | string[] | undefined): WebhookMode {
  return raw === "test" ? "test" : "live";
}
