"use client";
/**
 * "Make the key in this browser" beside a CSR field: Web Crypto makes the key pair and the request
 * (src/lib/browser-csr.ts), the request fills the form's CSR field, and the private key is offered as a
 * file to save. The key stays in this page: nothing sends it, and the form posts only the request.
 */
import { useEffect, useRef, useState } from "react";
import { makeKeyAndCsr } from "@/lib/browser-csr";
import { buttonClasses } from "./button";

export function BrowserKeyMaker({
  names,
  field = "csrPem",
  disabled = false,
}: {
  names: string[];
  field?: string;
  disabled?: boolean;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");
  const [keyUrl, setKeyUrl] = useState<string | null>(null);
  useEffect(() => () => void (keyUrl && URL.revokeObjectURL(keyUrl)), [keyUrl]);

  async function make() {
    setState("working");
    try {
      const { csrPem, privateKeyPem } = await makeKeyAndCsr(names);
      const textarea = button.current?.form?.querySelector<HTMLTextAreaElement>(`textarea[name="${field}"]`);
      if (textarea) textarea.value = csrPem;
      setKeyUrl(URL.createObjectURL(new Blob([privateKeyPem], { type: "application/x-pem-file" })));
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  const file = `${(names[0] ?? "site").replace(/^\*\./, "wildcard.")}.key`;
  return (
    <div className="space-y-2 text-sm" data-testid="browser-key-maker">
      <button
        ref={button}
        type="button"
        className={buttonClasses("secondary")}
        onClick={make}
        disabled={disabled || state === "working"}
      >
        {state === "working" ? "Making the key…" : "Make a new key in this browser"}
      </button>
      {state === "failed" && (
        <p role="alert">This browser could not make the key: make it on your server and paste the CSR instead.</p>
      )}
      {keyUrl && (
        <p role="status">
          The request is in the field below.{" "}
          <a href={keyUrl} download={file} className="font-semibold underline underline-offset-4">
            Save the private key ({file})
          </a>{" "}
          now: it exists only in this page, and we never see it. Install it on your server with the new certificate.
        </p>
      )}
    </div>
  );
}
