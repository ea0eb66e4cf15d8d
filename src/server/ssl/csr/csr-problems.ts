/** What can be wrong with a CSR, in words a registrant can act on. */

export type CsrProblemCode =
  | "input_too_large"
  | "not_a_csr"
  | "bad_signature"
  | "weak_signature_hash"
  | "key_too_small"
  | "key_too_large"
  | "key_type_not_accepted"
  | "no_names"
  | "too_many_names"
  | "cn_not_in_sans"
  | "ip_address"
  | "internal_name"
  | "unknown_tld"
  | "public_suffix"
  | "invalid_name"
  | "non_ascii_name"
  | "wildcard_not_leftmost"
  | "wildcard_partial_label"
  | "wildcard_more_than_one"
  | "wildcard_on_public_suffix";

export type CsrProblem = { code: CsrProblemCode; message: string; name?: string };

export function problem(code: CsrProblemCode, message: string, name?: string): CsrProblem {
  return name === undefined ? { code, message } : { code, message, name };
}
