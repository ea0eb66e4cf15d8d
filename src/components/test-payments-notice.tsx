/**
 * Shown on every page the built-in test payment provider touches. It says what it means for the
 * person reading, not how the operator turns it off (no setting names on any page).
 */
import { Notice } from "@/components/notice";

export function TestPaymentsNotice() {
  return (
    <Notice tone="warning" title="Test payments are on" role="status">
      No real money moves: checkout is a test page where you choose to pay or cancel.
    </Notice>
  );
}
