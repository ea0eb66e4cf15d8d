"use client";
/**
 * The forms of sign-in, registration and passwords, shared by the console host and every storefront;
 * the page passes the area's server action. Failed submissions come back with field errors and the
 * typed values (never passwords), and the form re-mounts with them.
 */
import { useActionState } from "react";
import { TextField } from "./form-field";
import { FormAlert } from "./form-alert";
import { Confirmation } from "./form-feedback";
import { SubmitButton } from "./submit-button";
import type { ButtonVariant } from "./button";
import type { ServerAction } from "@/server/action-client";

type Common<T> = { action: ServerAction<T>; variant?: ButtonVariant };

function useForm<T>(action: ServerAction<T>) {
  const [result, formAction] = useActionState(action, null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const values = result && !result.ok ? (result.values ?? {}) : {};
  // A new key per failed attempt re-mounts the inputs with the values the server sent back.
  const key = result && !result.ok ? `${result.code}:${JSON.stringify(values)}:${JSON.stringify(fields)}` : "fresh";
  return { result, formAction, fields, values, key };
}

export function SignInForm<T>({ action, variant = "primary", next }: Common<T> & { next?: string }) {
  const { result, formAction, fields, values, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={fields.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={fields.password}
      />
      <SubmitButton variant={variant} pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}

export function RegisterForm<T>({ action, variant = "brand" }: Common<T>) {
  const { result, formAction, fields, values, key } = useForm(action);
  if (result?.ok) {
    // The same words whether or not the email already has an account (no account discovery).
    return (
      <Confirmation>
        Check your mail: we have sent a message to finish opening your account. The link works for 24 hours.
      </Confirmation>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <TextField
        name="name"
        label="Full name"
        autoComplete="name"
        required
        defaultValue={values.name}
        error={fields.name}
      />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={fields.email}
      />
      <NewPasswordFields fields={fields} name="password" />
      <SubmitButton variant={variant} pendingLabel="Creating your account…" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}

export function ForgotPasswordForm<T>({ action, variant = "primary" }: Common<T>) {
  const { result, formAction, fields, values, key } = useForm(action);
  if (result?.ok) {
    return (
      <Confirmation>
        If an account exists for that email, we have sent it a link to choose a new password. The link works for one
        hour.
      </Confirmation>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={fields.email}
      />
      <SubmitButton variant={variant} pendingLabel="Sending…" className="w-full">
        Send reset link
      </SubmitButton>
    </form>
  );
}

function NewPasswordFields({ fields, name }: { fields: Record<string, string>; name: "password" | "newPassword" }) {
  return (
    <>
      <TextField
        name={name}
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={fields[name]}
      />
      <TextField
        name="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={fields.confirmPassword}
      />
    </>
  );
}

export function ResetPasswordForm<T>({ action, variant = "primary", token }: Common<T> & { token: string }) {
  const { result, formAction, fields, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields fields={fields} name="password" />
      <SubmitButton variant={variant} pendingLabel="Saving…" className="w-full">
        Set new password
      </SubmitButton>
    </form>
  );
}

export function FinishRegistrationForm<T>({ action, variant = "brand", token }: Common<T> & { token: string }) {
  const { result, formAction, fields, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        hint="The password you chose when signing up."
        error={fields.password}
      />
      <SubmitButton variant={variant} pendingLabel="Opening your account…" className="w-full">
        Open my account
      </SubmitButton>
    </form>
  );
}

export function ChangePasswordForm<T>({ action, variant = "primary" }: Common<T>) {
  const { result, formAction, fields, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} success="Your password has been changed. Other devices have been signed out." />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={fields.currentPassword}
      />
      <NewPasswordFields fields={fields} name="newPassword" />
      <SubmitButton variant={variant} pendingLabel="Saving…">
        Change password
      </SubmitButton>
    </form>
  );
}

export function AcceptInvitationForm<T>({
  action,
  token,
  hasAccount,
}: Common<T> & { token: string; hasAccount: boolean }) {
  const { result, formAction, fields, values, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <input type="hidden" name="token" value={token} />
      {hasAccount ? (
        <TextField
          name="password"
          label="Your current password"
          type="password"
          autoComplete="current-password"
          required
          error={fields.password}
          hint="You already have an account with this email; enter its password to accept."
        />
      ) : (
        <>
          <TextField
            name="name"
            label="Your name"
            autoComplete="name"
            required
            defaultValue={values.name}
            error={fields.name}
          />
          <TextField
            name="password"
            label="Choose a password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint="At least 10 characters."
            error={fields.password}
          />
        </>
      )}
      <SubmitButton pendingLabel="Joining…" className="w-full">
        Accept invitation
      </SubmitButton>
    </form>
  );
}

/** A one-button form for actions without fields ("sign out everywhere"). */
export function ConfirmActionForm<T>({
  action,
  label,
  pendingLabel,
  variant = "secondary",
}: Common<T> & { label: string; pendingLabel: string }) {
  const { result, formAction } = useForm(action);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert result={result} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
