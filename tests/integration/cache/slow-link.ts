/**
 * A TCP relay to PostgreSQL that holds every byte coming back from the server for a fixed delay,
 * in order: a listener behind it hears notifications late, as it would on a loaded machine or a
 * distant database, so a test can tell "waits until it has heard" from "got lucky".
 */
import net from "node:net";

export type SlowLink = { port: number; close(): Promise<void> };

export async function startSlowLink(target: { host: string; port: number }, delayMs: number): Promise<SlowLink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk) => upstream.write(chunk));
    // Same delay for every chunk: timers of equal length fire in the order they were set.
    upstream.on("data", (chunk) => setTimeout(() => client.writable && client.write(chunk), delayMs));
    client.on("end", () => upstream.end());
    upstream.on("end", () => setTimeout(() => client.end(), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the slow link has no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
