"use client";
/**
 * Passkeys in the browser (docs/decisions/096-passkeys.md, 120): adding one on the account page, and
 * "Use a passkey" at the second sign-in step or on "Confirm it's you", for staff and registrants
 * alike. Each is two server actions around one WebAuthn ceremony: options (with a challenge the
 * server keeps), the authenticator, then the answer.
 */
import { useState } from "react";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/browser";
import { Button } from "./button";
import { FormAlert } from "./form-alert";
import { TextField } from "./form-field";

type Result<T> = { ok: true; data: T } | { ok: false; code?: string; message: string; fields?: Record<string, string> };
type Call<I, T> = (prev: null, input: I) => Promise<Result<T>>;

const CANCELLED: Result<never> = {
  ok: false,
  message: "The passkey was not used: the browser or the device said no, or it took too long. Try again.",
};

/** Runs one ceremony; the first refusal (server or browser) is the result. */
async function ceremony<O, R, T>(
  start: () => Promise<Result<O>>,
  device: (o: O) => Promise<R>,
  finish: (r: R) => Promise<Result<T>>,
) {
  const options = await start();
  if (!options.ok) return options;
  let answer: R;
  try {
    answer = await device(options.data);
  } catch {
    return CANCELLED;
  }
  return finish(answer);
}

export function AddPasskeyForm({
  start,
  add,
}: {
  start: Call<Record<string, never>, PublicKeyCredentialCreationOptionsJSON>;
  add: Call<{ name: string; response: RegistrationResponseJSON }, { passkeyId: string }>;
}) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result<unknown> | null>(null);
  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const done = await ceremony(
      () => start(null, {}),
      (optionsJSON) => startRegistration({ optionsJSON }),
      (response) => add(null, { name, response }),
    );
    setResult(done);
    if (done.ok) setName("");
    setBusy(false);
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormAlert result={result} success="Passkey added. You can use it instead of a code when you sign in." />
      <TextField
        name="name"
        // Its own id: the storefront account page has a profile "name" field on the same page.
        id="new-passkey-name"
        label="Name for the new passkey"
        hint="Something to tell it apart later, such as the device it is on."
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={60}
        required
        error={result && !result.ok ? result.fields?.name : undefined}
      />
      <Button type="submit" variant="secondary" disabled={busy || name.trim() === ""} aria-disabled={busy}>
        {busy ? "Waiting for your device…" : "Add a passkey"}
      </Button>
    </form>
  );
}

type AssertionAnswer<T> = (response: AuthenticationResponseJSON) => Promise<Result<T>>;

/**
 * One "use a passkey" button: options, the authenticator, the answer, then a full load of the
 * destination (the session cookie or the fresh confirmation is set). `prepare` may refuse before any
 * ceremony, or say how to send the answer with what the surrounding form holds.
 */
function AssertionButton<T>({
  label,
  start,
  prepare,
  destination,
}: {
  label: string;
  start: Call<Record<string, never>, PublicKeyCredentialRequestOptionsJSON>;
  prepare: (button: HTMLButtonElement) => AssertionAnswer<T> | Result<never>;
  destination: (data: T) => string;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result<unknown> | null>(null);
  async function onClick(e: React.MouseEvent<HTMLButtonElement>) {
    const answer = prepare(e.currentTarget);
    if (typeof answer !== "function") {
      setResult(answer);
      return;
    }
    setBusy(true);
    const done = await ceremony(
      () => start(null, {}),
      (optionsJSON) => startAuthentication({ optionsJSON }),
      answer,
    );
    if (done.ok) {
      window.location.assign(destination(done.data));
      return;
    }
    setResult(done);
    setBusy(false);
  }
  return (
    <div className="space-y-3">
      <FormAlert result={result} />
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        onClick={onClick}
        disabled={busy}
        aria-disabled={busy}
      >
        {busy ? "Waiting for your passkey…" : label}
      </Button>
    </div>
  );
}

/** "Use a passkey instead" at the second sign-in step, console or storefront. */
export function SignInPasskeyButton({
  start,
  verify,
}: {
  start: Call<Record<string, never>, PublicKeyCredentialRequestOptionsJSON>;
  verify: Call<{ response: AuthenticationResponseJSON }, { home: string }>;
}) {
  return (
    <AssertionButton
      label="Use a passkey instead"
      start={start}
      prepare={() => (response) => verify(null, { response })}
      destination={(d) => d.home}
    />
  );
}

/**
 * "Confirm it's you" with the password typed in the surrounding form and a passkey instead of the
 * code. Sits inside ConfirmIdentityForm, so the person types the password once.
 */
export function ConfirmPasskeyButton({
  start,
  confirm,
  next,
}: {
  start: Call<Record<string, never>, PublicKeyCredentialRequestOptionsJSON>;
  confirm: Call<{ password: string; response: AuthenticationResponseJSON; next: string }, { next: string }>;
  next: string;
}) {
  return (
    <AssertionButton
      label="Use a passkey instead of a code"
      start={start}
      prepare={(button) => {
        const password = button.form ? new FormData(button.form).get("password") : null;
        if (typeof password !== "string" || password === "")
          return { ok: false, message: "Enter your password first.", fields: { password: "Enter your password." } };
        return (response) => confirm(null, { password, response, next });
      }}
      destination={(d) => d.next}
    />
  );
}
