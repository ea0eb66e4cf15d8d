/** The safe set of storefront fonts: system font stacks only, so no reseller can load a remote font. */
export const FONT_CHOICES = ["system", "serif", "rounded", "mono"] as const;
export type FontChoiceName = (typeof FONT_CHOICES)[number];

export const FONT_LABELS: Record<FontChoiceName, string> = {
  system: "Clean sans-serif",
  serif: "Classic serif",
  rounded: "Friendly rounded",
  mono: "Technical monospace",
};

export const FONT_STACKS: Record<FontChoiceName, string> = {
  system: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  serif: 'ui-serif, Georgia, Cambria, "Times New Roman", Times, serif',
  rounded:
    'ui-rounded, "SF Pro Rounded", "Nunito", "Quicksand", "Varela Round", "Arial Rounded MT Bold", system-ui, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", monospace',
};

export function isFontChoice(value: string): value is FontChoiceName {
  return (FONT_CHOICES as readonly string[]).includes(value);
}
