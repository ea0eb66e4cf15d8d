/** The sign-in challenge rides in its own HttpOnly cookie on the console host, never in a URL. */
import { cookies } from "next/headers";
import { env } from "@/env";
import { CHALLENGE_TTL_MS } from "./challenge";

const NAME = "console-sign-in-step";

export async function readChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(NAME)?.value ?? null;
}

export async function writeChallengeCookie(token: string | null): Promise<void> {
  const jar = await cookies();
  if (token === null) {
    jar.delete(NAME);
    return;
  }
  jar.set(NAME, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().PUBLIC_SCHEME === "https",
    path: "/",
    maxAge: Math.max(...Object.values(CHALLENGE_TTL_MS)) / 1000,
  });
}
