// The marketing kit: one reseller's staff never get a file made from another reseller's branding and prices.
import { buildKitDownload, KIT_ZIP_NAME } from "@/server/marketing/kit-files";
import { isolationCase } from "../harness";

export const cases = [
  isolationCase({
    name: "reseller A's staff cannot download reseller B's marketing kit",
    setup: async () => undefined,
    attack: ({ a, b }) => buildKitDownload(a.owner.ctx, b.reseller.id, KIT_ZIP_NAME),
    control: ({ b }) => buildKitDownload(b.owner.ctx, b.reseller.id, KIT_ZIP_NAME),
  }),
];
