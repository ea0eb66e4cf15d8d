/**
 * Sales and renewals per day as an SVG bar chart we draw ourselves: stacked bars, a title and
 * description for screen readers, and the same numbers in a visually hidden table. The axis labels
 * are HTML beside and under the drawing, not SVG text: SVG text shrinks with the drawing (to about
 * 6 px on a phone), HTML text keeps its size.
 */
import { formatMoney } from "@/lib/money";
import type { DailyPoint } from "@/server/domains/queries/dashboard-stats";

const W = 640;
const H = 200;
const PAD = { l: 0, r: 0, t: 8, b: 0 };

export function SalesChart({ series, currency }: { series: DailyPoint[]; currency: string }) {
  // At least 2 currency units tall, so an empty month still has a readable axis (0, 1, 2).
  const max = Math.max(200, ...series.map((p) => p.sales + p.renewals));
  const bw = (W - PAD.l - PAD.r) / series.length;
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / max);
  const fmt = (minor: number) => formatMoney(Math.round(minor / 100) * 100, currency).replace(/[.,]00$/, "");
  const total = series.reduce((s, p) => s + p.sales + p.renewals, 0);
  return (
    <figure>
      <div className="flex gap-2">
        <div
          aria-hidden="true"
          className="flex h-40 flex-col justify-between text-right text-xs text-slate-700 sm:h-48"
        >
          {[1, 0.5, 0].map((f) => (
            <span key={f}>{fmt(max * f)}</span>
          ))}
        </div>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby="sales-title sales-desc"
          className="h-40 min-w-0 flex-1 sm:h-48"
        >
          <title id="sales-title">{`Sales and renewals, last ${series.length} days`}</title>
          <desc id="sales-desc">{`Total ${fmt(total)}. Dark bars are new sales, light bars renewals.`}</desc>
          {[0, 0.5, 1].map((f) => (
            <line
              key={f}
              x1={PAD.l}
              x2={W - PAD.r}
              y1={y(max * f)}
              y2={y(max * f)}
              stroke="#e2e8f0"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {series.map((p, i) => (
            <g key={p.day}>
              <rect
                x={PAD.l + i * bw + 1}
                y={y(p.sales)}
                width={Math.max(bw - 2, 1)}
                height={y(0) - y(p.sales)}
                fill="#3730a3"
              />
              <rect
                x={PAD.l + i * bw + 1}
                y={y(p.sales + p.renewals)}
                width={Math.max(bw - 2, 1)}
                height={y(p.sales) - y(p.sales + p.renewals)}
                fill="#a5b4fc"
              />
            </g>
          ))}
        </svg>
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between pl-10 text-xs text-slate-700">
        <span>{series[0]?.day}</span>
        <span>{series[series.length - 1]?.day}</span>
      </div>
      <figcaption className="mt-2 flex gap-4 text-xs text-slate-700">
        <span>
          <span aria-hidden className="mr-1 inline-block h-3 w-3 rounded-sm bg-indigo-800" />
          New sales
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block h-3 w-3 rounded-sm bg-indigo-300" />
          Renewals
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>Sales and renewals per day ({currency})</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Sales</th>
            <th scope="col">Renewals</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.day}>
              <td>{p.day}</td>
              <td>{fmt(p.sales)}</td>
              <td>{fmt(p.renewals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
