"use client";
/** One button: the affirmative response WAPS asks for (a page view alone, such as a mail scanner's, verifies nothing). */
import { useActionState } from "react";
import { buttonClasses } from "@/components/button";
import { confirmEmailVerificationAction } from "../actions";

export function ConfirmForm({ token, email }: { token: string; email: string }) {
  const [result, dispatch, pending] = useActionState(confirmEmailVerificationAction, null);
  if (result?.ok) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        {result.data.message}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {result.message}
        </p>
      )}
      <form action={dispatch}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" disabled={pending} className={buttonClasses("brand")}>
          {pending ? "Working…" : `Confirm ${email}`}
        </button>
      </form>
    </div>
  );
}
