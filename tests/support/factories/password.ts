import { hashPassword } from "@/server/auth/password";

/** Every factory account's password unless a test says otherwise. */
export const DEFAULT_PASSWORD = "correct-horse-battery";

const hashes = new Map<string, Promise<string>>();

/** argon2 is slow on purpose; tests reuse one hash per distinct password. */
export function passwordHashFor(password: string = DEFAULT_PASSWORD): Promise<string> {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
}
