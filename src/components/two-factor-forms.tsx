"use client";
/**
 * Second-factor forms: the sign-in code step, setting up an authenticator (whose success shows the
 * recovery codes, the only time they are readable), turning it off, and "Confirm it's you".
 */
import Link from "next/link";
import { useActionState } from "react";
import { TextField } from "./form-field";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import type { ServerAction } from "@/server/action-client";

function useForm<T>(action: ServerAction<T>) {
  const [result, formAction] = useActionState(action, null);
  const fields = result && !result.ok ? (result.fields ?? {}) : {};
  const key = result && !result.ok ? `${result.code}:${JSON.stringify(fields)}` : "fresh";
  return { result, formAction, fields, key };
}

function CodeField({ error, allowRecovery }: { error?: string; allowRecovery: boolean }) {
  return (
    <TextField
      name="code"
      label={allowRecovery ? "Code" : "6-digit code"}
      inputMode={allowRecovery ? "text" : "numeric"}
      autoComplete="one-time-code"
      autoFocus
      required
      hint={
        allowRecovery
          ? "The 6-digit code from your authenticator app, or one of your recovery codes."
          : "The code your authenticator app shows now."
      }
      error={error}
    />
  );
}

export function SignInCodeForm<T>({ action }: { action: ServerAction<T> }) {
  const { result, formAction, fields, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <CodeField error={fields.code} allowRecovery />
      <SubmitButton pendingLabel="Checking…" className="w-full">
        Continue
      </SubmitButton>
    </form>
  );
}

/** Shown once after set-up. */
function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo?: string }) {
  return (
    <div role="status" className="space-y-4">
      <p className="text-sm text-green-900">
        Two-factor sign-in is on. Keep these recovery codes somewhere safe: each signs you in once if you lose your
        phone. They are not shown again.
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {continueTo && (
        <a href={continueTo} className="inline-block font-medium underline underline-offset-4 hover:no-underline">
          I have saved them: continue
        </a>
      )}
    </div>
  );
}

type EnrolResult = { recoveryCodes: string[]; home?: string };

/**
 * `pending` null means there is nothing to set up (the sign-in step expired). The success view is
 * kept in this component's state: the page re-renders when the action sets the session cookie, and
 * the codes must survive that.
 */
export function EnrolTotpForm<T extends EnrolResult>({
  action,
  pending,
}: {
  action: ServerAction<T>;
  pending: { secret: string; uri: string } | null;
}) {
  const { result, formAction, fields, key } = useForm(action);
  if (result?.ok) return <RecoveryCodes codes={result.data.recoveryCodes} continueTo={result.data.home} />;
  if (!pending) {
    return (
      <p role="alert" className="text-sm">
        This set-up has expired.{" "}
        <Link href="/sign-in" className="font-medium underline underline-offset-4">
          Sign in again
        </Link>
        .
      </p>
    );
  }
  const { secret, uri } = pending;
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>
          In your authenticator app, add an account with this secret key (time-based, 6 digits):
          <code data-testid="totp-secret" className="mt-1 block rounded bg-slate-100 px-2 py-1 font-mono break-all">
            {secret}
          </code>
          or open this link on your phone:
          <a href={uri} data-testid="totp-uri" className="mt-1 block font-mono text-xs break-all underline">
            {uri}
          </a>
        </li>
        <li>Enter the code the app shows to confirm.</li>
      </ol>
      <CodeField error={fields.code} allowRecovery={false} />
      <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}

export function DisableTotpForm<T>({ action }: { action: ServerAction<T> }) {
  const { result, formAction, fields, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <TextField
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        error={fields.password}
      />
      <TextField
        name="code"
        label="Code"
        autoComplete="one-time-code"
        required
        hint="A current code from your authenticator app, or a recovery code."
        error={fields.code}
      />
      <SubmitButton variant="secondary" pendingLabel="Turning off…">
        Turn off two-factor sign-in
      </SubmitButton>
    </form>
  );
}

/** "Confirm it's you": the password, and a code when the account has two-factor sign-in. */
export function ConfirmIdentityForm<T>({
  action,
  next,
  askCode,
  passkey,
}: {
  action: ServerAction<T>;
  next: string;
  askCode: boolean;
  /** The "use a passkey instead" button, when the account has a passkey here. */
  passkey?: React.ReactNode;
}) {
  const { result, formAction, fields, key } = useForm(action);
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormAlert result={result} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        autoFocus
        required
        error={fields.password}
      />
      {askCode && (
        <TextField
          name="code"
          label="Code"
          inputMode="text"
          autoComplete="one-time-code"
          required
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          error={fields.code}
        />
      )}
      <SubmitButton pendingLabel="Checking…" className="w-full">
        Confirm
      </SubmitButton>
      {passkey}
    </form>
  );
}
