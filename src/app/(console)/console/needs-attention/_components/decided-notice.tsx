/** The line shown after a decision (the action redirects back to the item with `?decided=`). */
import { Notice } from "@/components/notice";

const WORDS: Record<string, { tone: "success" | "warning"; text: string }> = {
  retried: {
    tone: "success",
    text: "Sent back to fulfilment. The platform asks the registry first; this page shows the result when it is known.",
  },
  done: { tone: "success", text: "Resolved as done: the wholesale cost is charged and the item is complete." },
  refunded: {
    tone: "success",
    text: "Resolved as failed: the wholesale cost is back on the balance and the item is refunded.",
  },
  refund_pending: {
    tone: "warning",
    text: "Resolved as failed. The refund has not gone through yet (for example the balance cannot cover it); it is tried again automatically.",
  },
};

export function DecidedNotice({ decided }: { decided: string | undefined }) {
  const w = decided ? WORDS[decided] : undefined;
  if (!w) return null;
  return (
    <Notice tone={w.tone} role="status">
      {w.text}
    </Notice>
  );
}
