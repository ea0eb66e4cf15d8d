/**
 * @peculiar/x509 ready for Node: reflect-metadata before it, WebCrypto handed over explicitly. The
 * stand-in keeps its own copy of this so it never imports the platform.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { webcrypto } from "node:crypto";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509, webcrypto };
