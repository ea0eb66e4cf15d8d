/**
 * Mails expressions of interest when their TLD has entered a phase on the registry's clock that they
 * were not told about yet: one statement marks the phase told and returns who to mail, in the
 * transaction that queues the mails, so each interest hears of each phase once whatever the races.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { callRegistry, inRegistryModeOf } from "@/server/registry/access";
import { queueMail } from "@/server/mail/send-mail";
import { baseUrlOf } from "@/server/auth/links";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { launchPhaseWords } from "@/lib/launch-phase-words";
import { probeNameOf } from "./register-interest";

type Told = { id: string; resellerId: string; email: string; subject: string };

/** TLDs some interest was not told of general availability for, with one interest to ask through. */
async function watchedTlds(only?: string[]) {
  return db.launchInterest.findMany({
    where: { NOT: { notifiedPhases: { has: "open" } }, ...(only ? { tld: { in: only } } : {}) },
    distinct: ["tld"],
    select: { tld: true, subject: true, resellerId: true },
  });
}

async function phaseNow(t: { tld: string; subject: string; resellerId: string }): Promise<string | null> {
  const name = probeNameOf(t.subject, t.tld);
  try {
    const { data } = await inRegistryModeOf(t.resellerId, () =>
      callRegistry(systemContext(t.resellerId), { id: null, name, resellerId: t.resellerId }, "checkDomains", {
        names: [name],
      }),
    );
    return data[0]?.phase ?? "open";
  } catch {
    return null;
  }
}

function mailFor(t: Told, tld: string, phase: string, base: string) {
  const words = launchPhaseWords(phase);
  const what = t.subject.includes(".") ? t.subject : `.${tld}`;
  const now = words ? `${words.badge}: ${words.explanation}` : "Anyone can register names now.";
  const action =
    phase === "open" || phase === "claims"
      ? `Search for ${what} to register it: ${base}/search?q=${encodeURIComponent(t.subject)}`
      : `See what you can do now: ${base}/search?q=${encodeURIComponent(t.subject)}`;
  return {
    to: t.email,
    subject: `.${tld} has entered a new phase`,
    text: `You asked to be told when .${tld} opens (${what}).\n\n${now}\n\n${action}\n\nYou get one mail per phase.`,
    kind: "launch.interest-phase",
    resellerId: t.resellerId,
  };
}

/** Looks at the given TLDs (the watcher's plan), or at every watched one. */
export async function notifyInterests(opts: { tlds?: string[] } = {}): Promise<{ watching: number; mailed: number }> {
  const tlds = await watchedTlds(opts.tlds);
  let mailed = 0;
  for (const t of tlds) {
    const phase = await phaseNow(t);
    if (!phase) continue;
    const hosts = new Map<string, string>();
    mailed += await db.$transaction(async (tx) => {
      const told = await tx.$queryRaw<Told[]>`
        update "LaunchInterest" set "notifiedPhases" = array_append("notifiedPhases", ${phase})
         where tld = ${t.tld} and not (${phase} = any("notifiedPhases"))
        returning id, "resellerId", email, subject`;
      for (const row of told) {
        if (!hosts.has(row.resellerId)) hosts.set(row.resellerId, baseUrlOf(await storefrontHostOf(row.resellerId)));
        await queueMail(tx, mailFor(row, t.tld, phase, hosts.get(row.resellerId) ?? ""));
      }
      return told.length;
    });
  }
  return { watching: tlds.length, mailed };
}
