/**
 * @simplewebauthn/server, loaded the one way that works inside a Next server bundle: it pulls in
 * @peculiar/x509, whose DI container (tsyringe) throws at load time unless reflect-metadata came
 * first. Every passkey module imports the library through here, never directly.
 */
import "reflect-metadata";

export {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
export type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
