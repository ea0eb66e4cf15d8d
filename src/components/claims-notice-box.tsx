/**
 * A trademark claims notice in full, with the box the registrant ticks to accept it; the box's value
 * is the notice id, which the order stores and the registry receives. Checkout's notice reads the same.
 */
import { CheckboxField } from "./form-field";

type Props = {
  /** The checkbox's field name. */
  name: string;
  notice: { noticeId: string; notAfter: string; text: string };
};

export function ClaimsNoticeBox({ name, notice }: Props) {
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Trademark notice</p>
      <p>{notice.text}</p>
      <CheckboxField
        name={name}
        value={notice.noticeId}
        required
        label={`I have read and understood this notice and accept it (valid until ${notice.notAfter
          .slice(0, 16)
          .replace("T", " ")} UTC).`}
      />
    </div>
  );
}
