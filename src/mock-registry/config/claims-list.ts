/**
 * A small domain name label list (DNL) in the TMCH format: labels with their lookup keys. The first
 * labels are those of the ICANN pilot test marks, so the pilot SMD and claims vectors work here.
 */
export const CLAIMS_LIST: Record<string, string> = {
  "test-validate": "2013112500/6/1/d/YduYflFKIFHoOYwDfN",
  "test-and-validate": "2013112500/c/7/f/xX41rmqoaXkXXrV",
  testandvalidate: "2013112500/3/4/2/wqOlkfUQaIX5xpfVS1",
  "example-one": "2010072100/1/2/3/rJ1NrDO92vDsAzf7EQzgjX4R0000000001",
  acme: "2024010100/a/c/m/AcmeBrandClaimKey000000001",
  globex: "2024010100/g/l/o/GlobexBrandClaimKey00000001",
};
