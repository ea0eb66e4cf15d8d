"use client";
/** Logo upload with a client-side check of the same rules the server applies (type by bytes, size). */
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { LOGO_MAX_BYTES, logoProblem } from "@/lib/image-type";
import { saveLogo } from "../actions";

export function LogoForm({ editable }: { editable: boolean }) {
  const [result, action] = useActionState(saveLogo, null);
  const [problem, setProblem] = useState<string | null>(null);
  const check = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setProblem(
      file
        ? logoProblem(new Uint8Array(await file.slice(0, Math.min(file.size, LOGO_MAX_BYTES + 1)).arrayBuffer()))
        : null,
    );
  };
  const error = problem ?? (result && !result.ok ? (result.fields?.logo ?? null) : null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert result={result} success="Logo saved." />
      <div className="space-y-1">
        <label htmlFor="logo" className="block text-sm font-medium text-slate-800">
          Upload a new logo
        </label>
        <input
          id="logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          required
          disabled={!editable}
          onChange={check}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "logo-error" : "logo-hint"}
          className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-50"
        />
        {error ? (
          <p id="logo-error" className="text-sm text-red-700">
            {error}
          </p>
        ) : (
          <p id="logo-hint" className="text-xs text-slate-600">
            PNG, JPEG or WebP, at most 256 KB. A wide logo about 40 pixels high works best.
          </p>
        )}
      </div>
      {editable && <SubmitButton pendingLabel="Uploading…">Upload logo</SubmitButton>}
    </form>
  );
}
