/**
 * Table-driven tenant isolation (issue 2): every action and route that touches tenant data joins by
 * exporting `cases` from a file in ./cases/. Each case builds what it needs for two resellers, A and B
 * (use `twoTenants()` and the shared factories), then `attack` acts as A on B's object and must be
 * refused; `control` (strongly encouraged) does the same thing as B on B's object and must succeed, so
 * the case cannot pass merely because the call is broken.
 */
import type { ErrorCode } from "@/server/errors";
import { createRegistrant, createReseller, createStaff } from "../../support/factories";

export type Tenant = Awaited<ReturnType<typeof tenant>>;
export type TwoTenants = { a: Tenant; b: Tenant };

async function tenant(slug: string) {
  const reseller = await createReseller({ slug });
  const owner = await createStaff(reseller.id, "owner", { email: `owner@${slug}.test` });
  const customer = await createRegistrant(reseller.id, { email: `customer@${slug}.test` });
  return { reseller, owner, customer };
}

/** Two resellers ("alpha" and "bravo"), each with an owner and a registrant. */
export async function twoTenants(): Promise<TwoTenants> {
  return { a: await tenant("alpha"), b: await tenant("bravo") };
}

/** An ActionResult, or anything a service returns; a thrown AppError counts as a refusal too. */
export type Outcome = { ok: boolean; code?: ErrorCode } | unknown;

export type IsolationCase<S = unknown> = {
  /** A sentence: "a reseller owner cannot rename another reseller's host name". */
  name: string;
  setup: (t: TwoTenants) => Promise<S>;
  attack: (t: TwoTenants, state: S) => Promise<Outcome>;
  control?: (t: TwoTenants, state: S) => Promise<Outcome>;
  /** Codes that count as refusal; NOT_FOUND or FORBIDDEN unless the case says otherwise. */
  refusedWith?: ErrorCode[];
  /** Optional check that B's data is unchanged after the attack. */
  unchanged?: (t: TwoTenants, state: S) => Promise<void>;
};

/** Lets a case file keep its state type while the harness sees a uniform list. */
export function isolationCase<S>(c: IsolationCase<S>): IsolationCase {
  return c as IsolationCase;
}
