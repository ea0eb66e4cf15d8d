/**
 * The name step of the pre-order and landrush pages: a form asking for the name, or the chosen name
 * with a way back and the registry's refusal, if any, before anything is paid.
 */
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { TextField } from "@/components/form-controls";
import { Notice } from "@/components/notice";

export function LaunchNamePicker({
  selling,
  name,
  path,
  hint,
  doing,
  refusalTitle,
  problem,
}: {
  selling: boolean;
  name: string | undefined | null;
  /** The page itself, where "Choose another name" leads. */
  path: string;
  hint: string;
  /** "Pre-ordering", "Applying for": what happens to the chosen name. */
  doing: string;
  refusalTitle: string;
  problem: string | undefined;
}) {
  if (!selling) return null;
  if (!name)
    return (
      <form method="get" className="space-y-3">
        <TextField name="name" label="Name" hint={hint} required autoComplete="off" />
        <button type="submit" className={buttonClasses("primary")}>
          Check name
        </button>
      </form>
    );
  return (
    <div className="space-y-3">
      <p>
        {doing} <strong>{name}</strong>.{" "}
        <Link href={path} className="underline underline-offset-4">
          Choose another name
        </Link>
      </p>
      {problem && (
        <Notice tone="warning" title={refusalTitle}>
          {problem}
        </Notice>
      )}
    </div>
  );
}
