import { describe, expect, it } from "vitest";
import { parseMessage, MAX_MESSAGE_BYTES } from "@/server/abuse/mail-intake/parse-message";
import { candidateNames, classifyText, namesIn, reportedName } from "@/server/abuse/classify";
import { timerState } from "@/server/abuse/list-reports";
import { per10k } from "@/server/abuse/abuse-rates";

describe("abuse mail parsing", () => {
  it("reads folded headers, encoded words, Reply-To and a base64 text part", () => {
    const body = Buffer.from("Phishing kit at https://login.example.com/x\n").toString("base64");
    const m = parseMessage(
      [
        "From: =?utf-8?B?w4lsaXNl?= <elise@cert.example>",
        "Reply-To: Desk <desk@cert.example>",
        "Subject: Report:",
        " phishing",
        "Message-ID: <1@cert.example>",
        "Content-Type: multipart/mixed; boundary=zz",
        "",
        "--zz",
        "Content-Type: text/plain",
        "Content-Transfer-Encoding: base64",
        "",
        body,
        "--zz--",
      ].join("\r\n"),
    );
    expect(m).toMatchObject({
      from: "desk@cert.example",
      subject: "Report: phishing",
      messageId: "<1@cert.example>",
    });
    expect(m.text).toContain("https://login.example.com/x");
    expect(parseMessage('From: "Élise" <E@X.example>\n\nhi').fromName).toBe("Élise");
  });

  it("refuses a message over the limit before parsing it", () => {
    expect(() => parseMessage("a".repeat(MAX_MESSAGE_BYTES + 1))).toThrow(/too large/);
  });
});

describe("classification and names", () => {
  it("finds the registered name's candidates and the names in a text", () => {
    expect(reportedName("https://Login.Example.COM/path?q=1")).toBe("login.example.com");
    expect(reportedName("not a name")).toBeNull();
    expect(candidateNames("a.b.example.com")).toEqual(["a.b.example.com", "b.example.com", "example.com"]);
    expect(namesIn("see http://evil.example.net/x and evil.example.net again, and bücher.example")).toEqual([
      "evil.example.net",
      "xn--bcher-kva.example",
    ]);
  });

  it("classifies by the first matching category, spam when nothing fits", () => {
    expect(classifyText("This phishing page also drops malware")).toBe("phishing");
    expect(classifyText("C2 server of a botnet")).toBe("botnet");
    expect(classifyText("trojan download")).toBe("malware");
    expect(classifyText("hello")).toBe("spam");
  });

  it("shows timers and rates", () => {
    const due = new Date("2026-12-01T12:00:00Z");
    expect(timerState(due, null, new Date("2026-12-01T10:30:00Z"))).toEqual({
      label: "1 h 30 min left",
      overdue: false,
    });
    expect(timerState(due, null, new Date("2026-12-01T13:05:00Z"))).toEqual({
      label: "overdue by 1 h 5 min",
      overdue: true,
    });
    expect(timerState(due, new Date("2026-12-01T13:00:00Z"), new Date())).toEqual({
      label: "met late",
      overdue: false,
    });
    expect(per10k(3, 20_000)).toBe(1.5);
    expect(per10k(1, 0)).toBe(0);
  });
});
