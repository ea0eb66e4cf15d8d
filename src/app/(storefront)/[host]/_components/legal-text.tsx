/** A reseller's terms or privacy text: plain text split into paragraphs, rendered as text only. */
import { toParagraphs } from "@/lib/paragraphs";

export function LegalText({ text, fallback }: { text: string; fallback: React.ReactNode }) {
  const paragraphs = toParagraphs(text);
  if (paragraphs.length === 0) return <p>{fallback}</p>;
  return (
    <div className="space-y-4 leading-relaxed">
      {paragraphs.map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}
