"use client";
/** One button: opening the mailed link (a scanner may) confirms nothing; pressing this does. */
import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { confirmDataRequestAction } from "../../actions";

export function ConfirmButton({ token }: { token: string }) {
  const [result, dispatch] = useActionState(confirmDataRequestAction, null);
  if (result?.ok)
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
        {result.data.message}
      </p>
    );
  return (
    <form action={dispatch} className="space-y-4">
      <FormAlert result={result} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Confirm my request</SubmitButton>
    </form>
  );
}
