/**
 * The form a name is registered in, beside the international form people read: the registry, DNS and
 * most e-mail show the encoded (xn--) form, so the registrant sees both before paying (decision 083).
 */
export function EncodedName({
  ascii,
  unicode,
  className = "",
}: {
  ascii: string;
  unicode: string;
  className?: string;
}) {
  if (ascii === unicode) return null;
  return (
    <span className={`block text-xs font-normal break-all opacity-80 ${className}`} data-testid="encoded-name">
      Registered as {ascii}
    </span>
  );
}
