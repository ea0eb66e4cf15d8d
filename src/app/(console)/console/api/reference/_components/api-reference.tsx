/** The API reference's body, from an OpenAPI document: how to call, then every operation. */
import { Card } from "@/components/card";
import { schemaText } from "@/lib/json-schema-text";

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: unknown };
type Operation = {
  operationId: string;
  summary: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  "x-scope"?: string;
};
export type ReferenceDoc = { servers: { url: string }[]; paths: Record<string, Record<string, Operation>> };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-rose-100 text-rose-900",
};

function Schema({ value }: { value: unknown }) {
  return (
    <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">
      {schemaText(value)}
    </pre>
  );
}

function OperationCard({ method, path, op }: { method: string; path: string; op: Operation }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  const failures = Object.entries(op.responses).filter(([status]) => !status.startsWith("2"));
  return (
    <section id={op.operationId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}>
          {method}
        </span>
        <span className="text-slate-900">{path}</span>
        {op["x-scope"] && <span className="text-xs text-slate-500">scope: {op["x-scope"]}</span>}
      </h3>
      <p className="mt-2 text-sm text-slate-700">{op.summary}</p>
      {op.parameters.length > 0 && (
        <dl className="mt-3 space-y-1 text-sm">
          {op.parameters.map((p) => (
            <div key={`${p.in}:${p.name}`} className="flex flex-wrap gap-x-2">
              <dt className="font-mono text-xs text-slate-900">
                {p.name}
                {p.required ? "" : "?"}
              </dt>
              <dd className="text-xs text-slate-600">
                {p.in} · {schemaText(p.schema)}
                {p.description ? ` — ${p.description}` : ""}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {body !== undefined && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-slate-700">Request body (application/json)</h4>
          <Schema value={body} />
        </div>
      )}
      {success && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-slate-700">{success[0]} answer</h4>
          <Schema value={success[1].content?.["application/json"]?.schema} />
        </div>
      )}
      {failures.length > 0 && (
        <p className="mt-3 text-xs text-slate-600">
          Problems: {failures.map(([status, r]) => `${status} ${r.description}`).join(" · ")}
        </p>
      )}
    </section>
  );
}

export function ApiReference({ doc, scopes }: { doc: ReferenceDoc; scopes: Record<string, string> }) {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="space-y-6">
      <Card title="How to call it">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Send a key from Settings → API keys as <code>Authorization: Bearer KEY</code>. <code>rk_live_</code> keys
            act on live data; <code>rk_test_</code> keys act on your sandbox (test money, a sandbox registry) and never
            on live data. Every answer says which in <code>Api-Mode: live|test</code>.
          </li>
          <li>
            Every POST needs an <code>Idempotency-Key</code>: a retry with the same key and body gets the first answer
            (kept 24 hours); the same key with another body is refused with 422.
          </li>
          <li>
            Errors are RFC 9457 problem details (<code>application/problem+json</code>); branch on <code>code</code>.
            Lists page with <code>cursor</code> and <code>limit</code>; pass <code>next</code> as the next{" "}
            <code>cursor</code>.
          </li>
          <li>
            Rate limits per key, in the <code>RateLimit</code> and <code>RateLimit-Policy</code> headers;{" "}
            <code>Retry-After</code> on 429.
          </li>
          <li>
            Scopes:{" "}
            {Object.entries(scopes)
              .map(([s, w]) => `${s} — ${w}`)
              .join(" ")}
          </li>
          <li>
            Machine-readable:{" "}
            <a className="underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            . A typed TypeScript client (openapi-fetch) is generated from it in the platform&apos;s repository.
          </li>
        </ul>
      </Card>
      <nav aria-label="Operations" className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {operations.map(({ op }) => (
            <li key={op.operationId}>
              <a className="font-mono text-xs text-sky-800 underline" href={`#${op.operationId}`}>
                {op.operationId}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <OperationCard key={op.operationId} method={method} path={path} op={op} />
      ))}
    </div>
  );
}
