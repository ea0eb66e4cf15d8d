/**
 * The admin's card on a request's page: acknowledge until it is acknowledged, the request's own
 * answer (the caller's forms), and refuse with the reason the requester is told.
 */
import type { ReactNode } from "react";
import { ActionForm, type FormAction } from "@/components/action-form";
import { Card } from "@/components/card";
import { TextAreaField } from "@/components/form-field";

export function RequestDecisionCard({
  title,
  action,
  requestId,
  acknowledged,
  children,
}: {
  title: string;
  action: FormAction;
  requestId: string;
  acknowledged: boolean;
  children: ReactNode;
}) {
  return (
    <Card className="mt-6" title={title}>
      <div className="space-y-6">
        {!acknowledged && (
          <ActionForm action={action} hidden={{ requestId, decision: "acknowledge" }} submitLabel="Acknowledge" />
        )}
        {children}
        <ActionForm action={action} hidden={{ requestId, decision: "refuse" }} submitLabel="Refuse" variant="danger">
          <TextAreaField name="reason" id="refuse-reason" label="Why it is refused" rows={3} maxLength={2000} />
        </ActionForm>
      </div>
    </Card>
  );
}
