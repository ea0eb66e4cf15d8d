/**
 * Preloaded into the Next.js process (`--import`, see platform-stack.ts). Next keeps a client-sent
 * X-Forwarded-For and only fills it from the socket when it is absent, and the App Router never shows
 * the socket, so a client could name any address. Appending the socket's peer here, as a proxy hop
 * would, makes the right-most entry always true; the app then skips TRUSTED_PROXY_COUNT hops from the
 * right (src/server/auth/client-address.ts, docs/decisions/068-sign-in-limits-and-sessions.md).
 */
import http from "node:http";
import https from "node:https";

function stamp(req) {
  const peer = req.socket && req.socket.remoteAddress;
  if (!peer) return;
  const sent = req.headers["x-forwarded-for"];
  const prior = Array.isArray(sent) ? sent.join(", ") : sent;
  req.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
}

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeer(event, req, ...rest) {
    if (event === "request" && req && req.headers) stamp(req);
    return emit.call(this, event, req, ...rest);
  };
}
