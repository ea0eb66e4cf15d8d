/** The registrar console frame: navigation, who is signed in, and the auditor's read-only note. */
import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console-shell";
import { REGISTRAR_CONSOLE_NAME, titleTemplate } from "@/lib/page-title";
import { Notice } from "@/components/notice";
import { SignOutButton } from "@/components/sign-out-button";
import { loadRegistrar } from "./_lib/registrar-session";
import { REGISTRAR_NAV } from "./nav-items";

export const metadata: Metadata = { title: titleTemplate(REGISTRAR_CONSOLE_NAME) };

export default async function RegistrarConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await loadRegistrar();
  return (
    <ConsoleShell
      consoleName={REGISTRAR_CONSOLE_NAME}
      homeHref="/registrar"
      person={{ name: session.name, email: session.email, roleLabel: session.roleLabel }}
      nav={REGISTRAR_NAV}
      signOut={<SignOutButton />}
      banners={
        !session.canWrite && (
          <Notice tone="info" title="Auditor: read-only access" role="status">
            You can see every reseller, message and audit entry; nothing here can be changed from your account.
          </Notice>
        )
      }
    >
      {children}
    </ConsoleShell>
  );
}
