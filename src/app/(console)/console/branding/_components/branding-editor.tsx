"use client";
/**
 * The branding form with a live preview: every change redraws the preview at once, and colour
 * problems (format, contrast) show while typing. The server validates the same rules on save.
 */
import { useActionState, useState } from "react";
import { brandColorProblems, contrastRatio, isHexColor } from "@/lib/colors";
import { FONT_CHOICES, FONT_LABELS } from "@/lib/fonts";
import { FormAlert } from "@/components/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { saveBranding } from "../actions";
import { BrandPreview } from "./brand-preview";
import { ColorField } from "./color-field";

export type BrandingValues = {
  displayName: string;
  tagline: string;
  primaryColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  font: string;
  supportEmail: string;
  supportPhone: string;
  termsText: string;
  privacyText: string;
};

const COLORS = [
  ["primaryColor", "Primary colour", "Header, hero and buttons."],
  ["accentColor", "Accent colour", "Highlights and the search button."],
  ["backgroundColor", "Background colour", "Behind the page content."],
  ["textColor", "Text colour", "Body text on the background."],
] as const;

export function BrandingEditor({
  initial,
  logoUrl,
  editable,
}: {
  initial: BrandingValues;
  logoUrl: string | null;
  editable: boolean;
}) {
  const [values, setValues] = useState(initial);
  const [result, action] = useActionState(saveBranding, null);
  const set = (k: keyof BrandingValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const live = brandColorProblems(values);
  const server = result && !result.ok ? (result.fields ?? {}) : {};
  const err = (k: keyof BrandingValues) => (live as Record<string, string | undefined>)[k] ?? server[k];
  const ratio =
    isHexColor(values.textColor) && isHexColor(values.backgroundColor)
      ? contrastRatio(values.textColor, values.backgroundColor)
      : null;
  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_26rem]">
      <form action={action} className="space-y-6">
        <FormAlert result={result} success="Saved. Your storefront shows the new look now." />
        <fieldset disabled={!editable} className="space-y-6 disabled:opacity-80">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="displayName"
              label="Storefront name"
              required
              maxLength={60}
              value={values.displayName}
              onChange={set("displayName")}
              error={err("displayName")}
            />
            <TextField
              name="tagline"
              label="Tagline"
              maxLength={140}
              value={values.tagline}
              onChange={set("tagline")}
              error={err("tagline")}
              hint="The headline of your home page."
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {COLORS.map(([key, label, hint]) => (
              <ColorField
                key={key}
                name={key}
                label={label}
                hint={hint}
                value={values[key]}
                onChange={(v) => setValues((s) => ({ ...s, [key]: v }))}
                error={err(key)}
              />
            ))}
          </div>
          {ratio !== null && (
            <p className="text-sm text-slate-700" aria-live="polite">
              Text contrast: <strong>{ratio.toFixed(2)}:1</strong>{" "}
              {ratio >= 4.5 ? "— readable (at least 4.5:1 needed)." : "— too low; at least 4.5:1 is needed."}
            </p>
          )}
          <SelectField
            name="font"
            label="Font"
            value={values.font}
            onChange={set("font")}
            error={err("font")}
            options={FONT_CHOICES.map((f) => ({ value: f, label: FONT_LABELS[f] }))}
            className="sm:max-w-xs"
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="supportEmail"
              label="Support email"
              type="email"
              required
              value={values.supportEmail}
              onChange={set("supportEmail")}
              error={err("supportEmail")}
            />
            <TextField
              name="supportPhone"
              label="Support phone"
              type="tel"
              value={values.supportPhone}
              onChange={set("supportPhone")}
              error={err("supportPhone")}
              hint="Optional. Include the country code."
            />
          </div>
          <TextAreaField
            name="termsText"
            label="Terms of service"
            rows={8}
            value={values.termsText}
            onChange={set("termsText")}
            error={err("termsText")}
            hint="Plain text. Leave a blank line between paragraphs."
          />
          <TextAreaField
            name="privacyText"
            label="Privacy notice"
            rows={8}
            value={values.privacyText}
            onChange={set("privacyText")}
            error={err("privacyText")}
            hint="Plain text. Leave a blank line between paragraphs."
          />
          {editable && <SubmitButton pendingLabel="Saving…">Save branding</SubmitButton>}
        </fieldset>
      </form>
      <div className="xl:sticky xl:top-6 xl:self-start">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Live preview</h2>
        <BrandPreview
          look={values}
          name={values.displayName}
          tagline={values.tagline}
          logoUrl={logoUrl}
          supportEmail={values.supportEmail}
        />
      </div>
    </div>
  );
}
