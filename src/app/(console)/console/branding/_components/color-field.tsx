"use client";
/** A colour picker paired with a #rrggbb text box; both edit the same value. */
import { controlClasses, Field } from "@/components/form-field";
import { isHexColor } from "@/lib/colors";

type Props = {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
};

export function ColorField({ name, label, hint, value, onChange, error }: Props) {
  const describedBy = error ? `${name}-error` : `${name}-hint`;
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={isHexColor(value) ? value.toLowerCase() : "#000000"}
          onChange={(e) => onChange(e.target.value)}
          className="h-10 w-12 shrink-0 cursor-pointer rounded border border-slate-300 bg-white p-1"
        />
        <input
          id={name}
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value.trim())}
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${controlClasses(!!error)} font-mono`}
        />
      </div>
    </Field>
  );
}
