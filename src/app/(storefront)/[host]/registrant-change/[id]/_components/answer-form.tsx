"use client";
/** Confirm or decline buttons for one party; the prior registrant may also opt out of the transfer lock. */
import { useActionState } from "react";
import { buttonClasses } from "@/components/button";
import { answerRegistrantChangeAction } from "../actions";

type Props = { id: string; token: string; party: "prior" | "new"; lockDays: number; lockOptOut: boolean };

export function AnswerForm({ id, token, party, lockDays, lockOptOut }: Props) {
  const [result, dispatch, pending] = useActionState(answerRegistrantChangeAction, null);
  if (result?.ok) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        {result.data.message}
      </p>
    );
  }
  const hidden = (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="token" value={token} />
    </>
  );
  return (
    <div className="space-y-4">
      {result && !result.ok && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {result.message}
        </p>
      )}
      <form action={dispatch} className="space-y-3">
        {hidden}
        <input type="hidden" name="decision" value="confirm" />
        {party === "prior" && lockDays > 0 && (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="lockOptOut" defaultChecked={lockOptOut} className="mt-0.5 h-4 w-4" />
            <span>
              Opt out of the {lockDays}-day lock: let the new registrant transfer the name to another registrar straight
              away.
            </span>
          </label>
        )}
        <button type="submit" disabled={pending} className={buttonClasses("brand")}>
          {pending ? "Working…" : "Confirm the change"}
        </button>
      </form>
      <form action={dispatch}>
        {hidden}
        <input type="hidden" name="decision" value="decline" />
        <button type="submit" disabled={pending} className={buttonClasses("secondary")}>
          Decline
        </button>
      </form>
    </div>
  );
}
