"use client";
/** The registrant's name (the email is the sign-in and cannot be changed here). */
import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { TextField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { ServerAction } from "@/server/action-client";

export function ProfileForm({
  action,
  name,
  email,
}: {
  action: ServerAction<{ name: string }>;
  name: string;
  email: string;
}) {
  const [result, formAction] = useActionState(action, null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const shown = result?.ok ? result.data.name : (result?.values?.name ?? name);
  return (
    <form action={formAction} className="space-y-4" noValidate key={JSON.stringify(result)}>
      <FormAlert result={result} success="Your profile has been saved." />
      <TextField name="name" label="Full name" autoComplete="name" required defaultValue={shown} error={fields.name} />
      <TextField
        name="email"
        label="Email"
        type="email"
        value={email}
        readOnly
        disabled
        hint="Your email is how you sign in; contact support to change it."
      />
      <SubmitButton variant="brand" pendingLabel="Saving…">
        Save profile
      </SubmitButton>
    </form>
  );
}
