"use client";
/** A form whose action answers with a signing secret, shown once with a reminder that it will not be shown again. */
import type { ButtonVariant } from "@/components/button";
import { ActionForm, type FormAction } from "@/components/action-form";
import { useFormFeedback } from "@/components/form-feedback";
import type { ServerAction } from "@/server/action-client";

type WithSecret = { secret: string };

function WithErrors({ render }: { render: (fields: Record<string, string>) => React.ReactNode }) {
  return <>{render(useFormFeedback().errors)}</>;
}

export function SecretOnceForm<T extends WithSecret>({
  action,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
  children,
}: {
  action: ServerAction<T>;
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  children?: (fields: Record<string, string>) => React.ReactNode;
}) {
  return (
    <ActionForm
      action={action as unknown as FormAction}
      hidden={hidden}
      submitLabel={submitLabel}
      pendingLabel={pendingLabel}
      variant={variant}
      describeSuccess={(data) => ({
        message: (
          <>
            <p className="font-semibold">The signing secret</p>
            <p>Copy it now: it is shown only this once. Verify each webhook with it (Standard Webhooks).</p>
            <code data-testid="webhook-secret" className="mt-2 block rounded bg-white p-2 font-mono text-xs break-all">
              {(data as T).secret}
            </code>
          </>
        ),
      })}
    >
      {children && <WithErrors render={children} />}
    </ActionForm>
  );
}
