"use server";
/** Branding changes from the reseller console; the reseller is always the actor's own. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { brandingFields } from "@/server/tenancy/branding-input";
import { removeLogo } from "@/server/tenancy/remove-logo";
import { updateBranding } from "@/server/tenancy/update-branding";
import { uploadLogo } from "@/server/tenancy/upload-logo";

const MANAGERS = ["owner", "admin"] as const;

export const saveBranding = defineAction({
  area: "console",
  roles: MANAGERS,
  input: brandingFields,
  handler: async (ctx, input) => {
    const saved = await updateBranding(ctx, { ...input, resellerId: ctx.resellerId });
    revalidatePath("/console", "layout");
    return { displayName: saved.displayName };
  },
});

export const saveLogo = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({ logo: z.instanceof(File, { error: "Choose an image file to upload." }) }),
  handler: async (ctx, input) => {
    const bytes = new Uint8Array(await input.logo.arrayBuffer());
    const saved = await uploadLogo(ctx, { resellerId: ctx.resellerId, bytes });
    revalidatePath("/console/branding");
    return { logoMime: saved.logoMime };
  },
});

export const deleteLogo = defineAction({
  area: "console",
  roles: MANAGERS,
  input: z.object({}),
  handler: async (ctx) => {
    await removeLogo(ctx, { resellerId: ctx.resellerId });
    revalidatePath("/console/branding");
    return { removed: true };
  },
});
