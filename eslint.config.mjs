import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// Layers (DESIGN §9.9): app → server → (db, ports). The server never imports the app or React;
// the platform never imports the mock registry's internals (its public entry only, from the
// registry port's in-process adapter and the dev/test harness).
const serverRules = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["@/app/*", "**/app/*"], message: "src/server must not import from src/app." },
        {
          group: ["react", "react-dom", "next/*", "!next/headers", "!next/navigation", "!next/cache"],
          message: "src/server stays framework-free except request helpers.",
        },
        {
          group: ["@/mock-registry/*", "!@/mock-registry/index", "**/mock-registry/*"],
          message: "The platform reaches the mock registry only through the registry port.",
        },
        {
          group: ["@/ca-standin/*", "**/ca-standin/*"],
          message: "The platform reaches the CA stand-in only over its HTTP API (src/server/ssl/ca/standin).",
        },
        {
          group: ["@/tmch-standin/*", "**/tmch-standin/*"],
          message: "The platform reaches the TMCH stand-in only over its HTTP API (src/server/tmch/http).",
        },
      ],
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/server/**/*.ts"], rules: serverRules },
  // The TMCH stand-in is an outside service: its own files, Node, zod, openpgp, and the pure signing
  // pieces it shares with the platform (decision 098).
  {
    files: ["src/tmch-standin/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/*",
                "../server/*",
                "!../server/tmch",
                "../server/tmch/*",
                "!../server/tmch/standin",
                "!../server/tmch/x509-runtime",
              ],
              message: "The TMCH stand-in imports only its own files and src/server/tmch/standin (decision 098).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}", "src/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/mock-registry/*", "**/mock-registry/*"],
              message: "The app reaches registries only through src/server/registry.",
            },
            {
              group: ["@/ca-standin/*", "**/ca-standin/*"],
              message: "The app reaches certificate authorities only through src/server/ssl.",
            },
            {
              group: ["@/tmch-standin/*", "**/tmch-standin/*"],
              message: "The app reaches the TMCH only through src/server/tmch.",
            },
          ],
        },
      ],
    },
  },
  // Last: formatting belongs to Prettier (`npm run format`), so no lint rule argues with it.
  prettier,
];

export default config;
