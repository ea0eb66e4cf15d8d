/**
 * The look of a text input, select or textarea. The focus ring is not here: globals.css draws one
 * two-tone ring for every focusable element, so no control can ask for a ring a brand colour hides.
 */
export function controlClasses(hasError: boolean): string {
  return `block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 ${
    hasError ? "border-red-600" : "border-slate-300"
  }`;
}
