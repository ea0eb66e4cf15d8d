// Shared test factories: small, additive; each returns the rows it made and, for actors, their context.
export { DEFAULT_PASSWORD, passwordHashFor } from "./password";
export { createReseller, ensureRegistrar, type ResellerFixture } from "./reseller";
export { createStaff, createRegistrarStaff } from "./user";
export { createRegistrant } from "./registrant";
export { createTldProduct, createTier, fundReseller } from "./money";
export {
  createDomainCatalog,
  createDomainReseller,
  startInProcessRegistry,
  startEppRegistry,
  REGISTRY_FROZEN_AT,
  TEST_TLDS,
  type TestRegistry,
} from "./domains";
export { createLifecycleWorld, createManagedDomain, type LifecycleWorld } from "./managed-domain";
export { freshSessionRequest, startTestSession } from "./session";
export { enrolTotp, totpCodeNow } from "./second-factor";
export { createStorefrontCheckout } from "./storefront-checkout";
