export interface RegistrarAccount {
  clID: string;
  password: string;
  /** Opening prepaid balance with the registry, USD cents. */
  balance: number;
  creditLimit: number;
  maxSessions: number;
}

export const DEFAULT_ACCOUNTS: RegistrarAccount[] = [
  { clID: "platform", password: "platform-dev-pass", balance: 100_000_000, creditLimit: 0, maxSessions: 10 },
  { clID: "rival", password: "rival-dev-pass", balance: 100_000_000, creditLimit: 0, maxSessions: 10 },
];
