/** Branding: the storefront's look and support details with a live preview, and the logo. */
import type { Metadata } from "next";
import Image from "next/image";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { getBranding } from "@/server/tenancy/get-branding";
import { loadConsole } from "../_lib/console-session";
import { deleteLogo } from "./actions";
import { BrandingEditor } from "./_components/branding-editor";
import { LogoForm } from "./_components/logo-form";

export const metadata: Metadata = { title: "Branding" };

export default async function BrandingPage() {
  const { ctx, reseller, canManage } = await loadConsole();
  const b = await getBranding(ctx, reseller.id);
  const logoUrl = b.logoMime ? `/api/branding/${reseller.id}/logo?v=${b.logoUpdatedAt?.getTime() ?? 0}` : null;
  return (
    <>
      <PageHeader
        title="Branding"
        description="How your storefront looks to your customers. Changes show on your storefront as soon as you save."
      />
      <div className="space-y-6">
        <Card title="Look and support details">
          <BrandingEditor
            editable={canManage}
            logoUrl={logoUrl}
            initial={{
              displayName: b.displayName,
              tagline: b.tagline,
              primaryColor: b.primaryColor,
              accentColor: b.accentColor,
              backgroundColor: b.backgroundColor,
              textColor: b.textColor,
              font: b.font,
              supportEmail: b.supportEmail,
              supportPhone: b.supportPhone,
              termsText: b.termsText,
              privacyText: b.privacyText,
            }}
          />
        </Card>
        <Card
          title="Logo"
          description="Shown in your storefront's header. Without a logo, the header shows your storefront's initial."
        >
          <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
            <div className="flex h-28 items-center justify-center rounded-md border border-dashed border-slate-300 bg-slate-50 p-3">
              {logoUrl ? (
                <Image
                  src={logoUrl}
                  alt="Current logo"
                  width={160}
                  height={80}
                  unoptimized
                  className="max-h-20 w-auto"
                />
              ) : (
                <span className="text-sm text-slate-600">No logo yet</span>
              )}
            </div>
            <div className="space-y-4">
              <LogoForm editable={canManage} />
              {logoUrl && canManage && (
                <ActionForm
                  action={deleteLogo}
                  submitLabel="Remove logo"
                  variant="secondary"
                  confirm="Remove the logo from your storefront?"
                />
              )}
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
