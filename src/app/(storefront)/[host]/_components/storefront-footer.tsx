/**
 * Support details, legal links, and what RAA 3.12 asks every reseller to show: the sponsoring
 * registrar, its abuse contact, and ICANN's registrant rights and responsibilities. Terms and
 * privacy are plain links, so the page cache answers them (decision 130).
 */
/* eslint-disable @next/next/no-html-link-for-pages -- terms and privacy are document requests (decision 130) */
import Link from "next/link";

type Props = {
  name: string;
  supportEmail: string;
  supportPhone: string;
  registrar: { legalName: string; ianaId: number; abuseEmail: string; abusePhone: string; resellerDisclosure: string };
};

const ICANN_BENEFITS = "https://www.icann.org/resources/pages/benefits-2013-09-16-en";
const ICANN_EDUCATION = "https://www.icann.org/registrants";

export function StorefrontFooter({ name, supportEmail, supportPhone, registrar }: Props) {
  const heading = "text-sm font-semibold uppercase tracking-wide";
  const link = "underline decoration-[var(--brand-primary)] decoration-2 underline-offset-4";
  return (
    <footer className="mt-16 border-t border-current/15">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:px-6 md:grid-cols-3">
        <section aria-labelledby="footer-support">
          <h2 id="footer-support" className={heading}>
            Support
          </h2>
          <ul className="mt-3 space-y-2">
            <li>
              <a className={link} href={`mailto:${supportEmail}`}>
                {supportEmail}
              </a>
            </li>
            {supportPhone && (
              <li>
                <a className={link} href={`tel:${supportPhone.replace(/[^+\d]/g, "")}`}>
                  {supportPhone}
                </a>
              </li>
            )}
          </ul>
        </section>
        <section aria-labelledby="footer-legal">
          <h2 id="footer-legal" className={heading}>
            Legal
          </h2>
          <ul className="mt-3 space-y-2">
            <li>
              <a className={link} href="/terms">
                Terms of service
              </a>
            </li>
            <li>
              <a className={link} href="/privacy">
                Privacy notice
              </a>
            </li>
            <li>
              <a className={link} href={ICANN_BENEFITS} rel="noopener noreferrer">
                Registrants&apos; benefits and responsibilities
              </a>
            </li>
            <li>
              <a className={link} href={ICANN_EDUCATION} rel="noopener noreferrer">
                ICANN information for registrants
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="footer-registrar">
          <h2 id="footer-registrar" className={heading}>
            Sponsoring registrar
          </h2>
          <p className="mt-3">{registrar.resellerDisclosure}</p>
          <p className="mt-2">
            {registrar.legalName}, IANA ID {registrar.ianaId}. Report abuse:{" "}
            <a className={link} href={`mailto:${registrar.abuseEmail}`}>
              {registrar.abuseEmail}
            </a>
            , {registrar.abusePhone}.
          </p>
          <Link className={`${link} mt-2 inline-block`} href="/abuse">
            Report abuse with the online form
          </Link>
        </section>
      </div>
      <p className="border-t border-current/10 px-4 py-4 text-center text-xs opacity-80">
        © {new Date().getUTCFullYear()} {name}
      </p>
    </footer>
  );
}
