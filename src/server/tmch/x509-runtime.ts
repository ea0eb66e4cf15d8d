/**
 * @peculiar/x509 ready to use on Node: its DI container needs reflect-metadata loaded before it, and
 * Node 20 does not expose WebCrypto as a global it picks up by itself.
 */
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
