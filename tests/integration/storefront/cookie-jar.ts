/**
 * A cookie jar standing in for the browser's: what one action writes, the next one reads. A test file
 * serves it as `next/headers` with `vi.mock("next/headers", () => import("./cookie-jar").then((m) => m.nextHeaders))`.
 * It imports nothing, so the mock never waits on a module that imports `next/headers` itself.
 */
export const jar = new Map<string, string>();

export const nextHeaders = {
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
};

/** The names in the cart cookie, oldest first. */
export const cartNames = () => (JSON.parse(jar.get("cart") ?? "[]") as { name: string }[]).map((i) => i.name);
