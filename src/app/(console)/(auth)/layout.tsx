/** Signed-out pages (and the password page) of the console host, under the platform header. */
import { PlatformHeader } from "@/components/platform-header";
import { getSession, homeOf } from "@/server/auth/require-context";

export default async function ConsoleAuthLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  return (
    <div className="min-h-screen bg-slate-50">
      <PlatformHeader signedInHome={session ? homeOf(session.ctx) : null} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
