/**
 * @peculiar/x509 ready to use on Node: its DI container needs reflect-metadata loaded first, and on
 * Node 20 it must be handed WebCrypto explicitly (see shared notes, tmch-xmldsig.md).
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { webcrypto } from "node:crypto";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
