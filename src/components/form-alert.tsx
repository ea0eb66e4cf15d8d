/** The outcome of a form submission: an error summary (announced) or a success note. */
import { ReauthLink } from "./reauth-link";

type Result =
  { ok: true } | { ok: false; code?: string; message: string; fields?: Record<string, string> } | null | undefined;

export function FormAlert({ result, success }: { result: Result; success?: string }) {
  if (!result) return null;
  if (result.ok) {
    if (!success) return null;
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
        {success}
      </p>
    );
  }
  const count = result.fields ? Object.keys(result.fields).length : 0;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">{result.message}</p>
      {count > 1 && <p className="mt-1">Please correct the {count} highlighted fields.</p>}
      <ReauthLink code={result.code} />
    </div>
  );
}
