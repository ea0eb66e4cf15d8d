/**
 * Just enough of RFC 5322 (and MIME's multipart and transfer encodings) to read an abuse report:
 * the sender, subject, message id, the headers kept as evidence, and the first text part. Bounded:
 * a message over MAX_MESSAGE_BYTES is refused before it is parsed, and parts nest one level only.
 */
import { AppError } from "@/server/errors";

export const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_BODY_CHARS = 20_000;

export type ParsedMessage = {
  from: string | null;
  fromName: string;
  subject: string;
  messageId: string | null;
  /** The header block as received (unfolded), kept as evidence. */
  headerText: string;
  text: string;
};

type Headers = Map<string, string>;

function split(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  return m ? { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) } : { head: raw, body: "" };
}

function parseHeaders(head: string): { headers: Headers; unfolded: string } {
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const headers: Headers = new Map();
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    // The first occurrence counts, as for From and Subject in practice.
    if (!headers.has(name)) headers.set(name, line.slice(i + 1).trim());
  }
  return { headers, unfolded };
}

/** RFC 2047 encoded words (=?utf-8?B?…?= / =?utf-8?Q?…?=) in a header value. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
    try {
      const bytes =
        enc.toUpperCase() === "B"
          ? Buffer.from(data, "base64")
          : Buffer.from(
              data
                .replace(/_/g, " ")
                .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
              "latin1",
            );
      return new TextDecoder(charset.toLowerCase() === "utf-8" ? "utf-8" : "latin1").decode(bytes);
    } catch {
      return data;
    }
  });
}

function param(value: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return m ? (m[1] ?? m[2]) : null;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") {
    const bytes = Buffer.from(
      body.replace(/=\r?\n/g, "").replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    );
    return bytes.toString("utf8");
  }
  return body;
}

/** The first text/plain part (or text/html stripped of tags), one multipart level deep. */
function textOf(headers: Headers, body: string, depth = 0): string {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = param(type, "boundary");
  if (/^multipart\//i.test(type) && boundary && depth < 2) {
    const parts = body.split(`--${boundary}`).slice(1);
    const readable = parts
      .filter((p) => !p.startsWith("--"))
      .map((p) => {
        const { head, body: b } = split(p.replace(/^\r?\n/, ""));
        return { headers: parseHeaders(head).headers, body: b };
      });
    const plain = readable.find((p) => /^text\/plain/i.test(p.headers.get("content-type") ?? "text/plain"));
    const pick = plain ?? readable.find((p) => /^(text|multipart)\//i.test(p.headers.get("content-type") ?? ""));
    return pick ? textOf(pick.headers, pick.body, depth + 1) : "";
  }
  const text = decodeBody(body, headers.get("content-transfer-encoding"));
  return /^text\/html/i.test(type) ? text.replace(/<[^>]*>/g, " ").replace(/[ \t]+/g, " ") : text;
}

function address(from: string): { email: string | null; name: string } {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  const email = angle?.[1] ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from)?.[1] ?? null;
  const name = angle ? from.slice(0, angle.index).trim().replace(/^"|"$/g, "") : "";
  return { email: email?.toLowerCase() ?? null, name: decodeWords(name).slice(0, 200) };
}

export function parseMessage(raw: string | Uint8Array): ParsedMessage {
  const size = typeof raw === "string" ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > MAX_MESSAGE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `That message is too large (the limit is ${MAX_MESSAGE_BYTES} bytes).`);
  const text = typeof raw === "string" ? raw : new TextDecoder().decode(raw);
  const { head, body } = split(text);
  const { headers, unfolded } = parseHeaders(head);
  const from = address(headers.get("reply-to") ?? headers.get("from") ?? "");
  return {
    from: from.email,
    fromName: from.name,
    subject: decodeWords(headers.get("subject") ?? "").slice(0, 500),
    messageId: headers.get("message-id")?.slice(0, 500) ?? null,
    headerText: unfolded.slice(0, 16_000),
    text: textOf(headers, body).slice(0, MAX_BODY_CHARS),
  };
}
