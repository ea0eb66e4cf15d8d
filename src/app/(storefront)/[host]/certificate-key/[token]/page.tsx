/**
 * Where a new-key link leads (decision 134): the reissue form of the one certificate the signed token
 * names, without a sign-in, with the key made in the browser or a CSR from the registrant's server.
 * A forged, expired or used link, or one for a certificate no longer waiting, shows why it cannot help.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { BrowserKeyMaker } from "@/components/browser-key-maker";
import { Card } from "@/components/card";
import { CheckboxField, TextAreaField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { ResultForm } from "@/app/(console)/console/domains/_components/result-form";
import { INVALID_KEY_LINK, openKeyLinkTarget } from "@/server/ssl/ordering/key-link-reissue";
import { loadStorefront } from "../../_lib/storefront";
import { reissueWithCertificateKeyLink } from "../actions";

export const metadata: Metadata = { title: "A new key for your certificate" };

export default async function CertificateKeyPage({ params }: { params: Promise<{ host: string; token: string }> }) {
  const { host, token } = await params;
  const storefront = await loadStorefront(host);
  const target = await openKeyLinkTarget(storefront.id, token);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">A new key for your certificate</h1>
      {target ? (
        <Card
          title={target.names.join(", ")}
          description="Make a new key in this browser, or make a key and CSR on your server and paste the CSR. The new certificate is free within the term and mailed to you when it is issued."
        >
          <ResultForm
            action={reissueWithCertificateKeyLink}
            idempotent
            idPrefix="key-link"
            hidden={{ token: token }}
            submitLabel="Reissue"
          >
            <BrowserKeyMaker names={target.names} />
            <TextAreaField
              name="csrPem"
              label="New certificate signing request (CSR)"
              required
              rows={8}
              spellCheck={false}
              className="font-mono"
            />
            {target.current && (
              <CheckboxField
                name="keyCompromise"
                label="The old private key was exposed: revoke the old certificate now"
              />
            )}
          </ResultForm>
        </Card>
      ) : (
        <div className="space-y-4">
          <Notice tone="warning" role="alert">
            {INVALID_KEY_LINK}
          </Notice>
          <Link href="/account/certificates" className="underline underline-offset-4">
            Your certificates
          </Link>
        </div>
      )}
    </div>
  );
}
