/**
 * The XML-DSig of an SMD (RFC 7848 §2.4: enveloped, exclusive c14n, RSA-SHA256) checked with
 * xml-crypto, and shaped so signature wrapping cannot work: the document's root must be the one
 * signedMark, carrying the one Signature as a direct child, whose first reference covers exactly that
 * root by its id; the caller then reads the mark from the bytes that reference covered, not from the
 * document.
 */
import { SignedXml } from "xml-crypto";
import { allElements, childElements, parseSmdXml } from "./parse-smd-xml";
import { SMD_NS } from "./read-mark";
import { SmdRefusal } from "./reason-codes";

const DSIG = "http://www.w3.org/2000/09/xmldsig#";
const EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
const ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

export interface CheckedSignature {
  /** The canonical signedMark the signature covers (enveloped signature removed). */
  signedRoot: Element;
  /** The validator certificate from KeyInfo, PEM. */
  certificatePem: string;
}

const algorithm = (el: Element | undefined) => el?.getAttribute("Algorithm") ?? "";

function one(parent: Element, local: string): Element {
  const found = childElements(parent, DSIG, local);
  if (found.length !== 1) throw new SmdRefusal("signature-wrapping", `The signature must have one ${local}.`);
  return found[0];
}

function transforms(reference: Element): string[] {
  const [list] = childElements(reference, DSIG, "Transforms");
  return list ? childElements(list, DSIG, "Transform").map((t) => algorithm(t)) : [];
}

/** Checks SignedInfo names only what RFC 7848 allows, and returns the validator certificate. */
function checkShape(doc: Document): { signature: Element; rootId: string; certificatePem: string } {
  const root = doc.documentElement;
  if (root.namespaceURI !== SMD_NS || root.localName !== "signedMark") {
    throw new SmdRefusal("malformed", "The document's root is not an smd:signedMark.");
  }
  const rootId = root.getAttribute("id") ?? "";
  if (!/^[A-Za-z_][\w.-]*$/.test(rootId)) throw new SmdRefusal("malformed", "The signedMark has no valid id.");
  const elements = allElements(root);
  const signatures = elements.filter((el) => el.namespaceURI === DSIG && el.localName === "Signature");
  if (signatures.length !== 1 || signatures[0].parentNode !== root) {
    throw new SmdRefusal("signature-wrapping", "The signedMark must carry exactly one enveloped signature.");
  }
  const ids = elements.filter((el) => ["id", "Id", "ID"].some((a) => el.getAttribute(a) === rootId));
  if (ids.length !== 1) throw new SmdRefusal("signature-wrapping", "The signedMark's id is used more than once.");

  const signature = signatures[0];
  const signedInfo = one(signature, "SignedInfo");
  if (algorithm(one(signedInfo, "CanonicalizationMethod")) !== EXC_C14N) {
    throw new SmdRefusal("unsupported-algorithm", "SignedInfo must use exclusive canonicalization.");
  }
  if (algorithm(one(signedInfo, "SignatureMethod")) !== RSA_SHA256) {
    throw new SmdRefusal("unsupported-algorithm", "The signature must be RSA-SHA256.");
  }
  const references = childElements(signedInfo, DSIG, "Reference");
  const [first, ...others] = references;
  if (!first || first.getAttribute("URI") !== `#${rootId}`) {
    throw new SmdRefusal("signature-wrapping", "The signature's first reference does not cover the signedMark.");
  }
  const t = transforms(first);
  if (t.length !== 2 || t[0] !== ENVELOPED || t[1] !== EXC_C14N) {
    throw new SmdRefusal("unsupported-algorithm", "The signedMark reference must be enveloped + exclusive c14n.");
  }
  const keyInfo = one(signature, "KeyInfo");
  for (const ref of references) {
    if (algorithm(childElements(ref, DSIG, "DigestMethod")[0]) !== SHA256) {
      throw new SmdRefusal("unsupported-algorithm", "Every reference must use SHA-256.");
    }
  }
  for (const ref of others) {
    // The only other thing an SMD signs is its own KeyInfo.
    const keyInfoId = keyInfo.getAttribute("Id");
    if (!keyInfoId || ref.getAttribute("URI") !== `#${keyInfoId}` || transforms(ref).some((a) => a !== EXC_C14N)) {
      throw new SmdRefusal("signature-wrapping", "The signature references something other than the SMD.");
    }
  }
  const [data] = childElements(keyInfo, DSIG, "X509Data");
  const certs = data ? childElements(data, DSIG, "X509Certificate") : [];
  if (certs.length !== 1) throw new SmdRefusal("malformed", "KeyInfo must carry one X509Certificate.");
  const b64 = (certs[0].textContent ?? "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw new SmdRefusal("malformed", "The KeyInfo certificate is not base64.");
  const lines = b64.match(/.{1,64}/g) ?? [];
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
  return { signature, rootId, certificatePem };
}

export function checkSmdSignature(xml: string): CheckedSignature {
  const doc = parseSmdXml(xml);
  const { signature, rootId, certificatePem } = checkShape(doc);
  // The key is the certificate checkShape extracted (and the caller chains to the CA), never one
  // xml-crypto would find on its own.
  const signed = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  let valid = false;
  try {
    signed.loadSignature(signature as unknown as Node);
    valid = signed.checkSignature(xml);
  } catch (e) {
    const message = (e as Error).message;
    if (/same value for the ID/i.test(message)) throw new SmdRefusal("signature-wrapping", message);
    // xml-crypto's message quotes the whole signature value: too long to show anyone.
    throw new SmdRefusal("signature-invalid", `The SMD's signature is invalid (${message.slice(0, 60)}…).`);
  }
  if (!valid) throw new SmdRefusal("signature-invalid", "The SMD's signature is invalid.");
  const covered = signed.getReferences().find((r) => r.uri === `#${rootId}`)?.signedReference;
  if (!covered) throw new SmdRefusal("signature-wrapping", "The signature does not cover the signedMark.");
  return { signedRoot: parseSmdXml(covered).documentElement, certificatePem };
}
