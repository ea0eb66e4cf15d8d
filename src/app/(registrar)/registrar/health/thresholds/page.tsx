/**
 * The thresholds the reseller health figures are watched at: one registrar-wide value per figure and
 * overrides for single resellers. Admins change them (audited); auditors read. An empty value means
 * the figure is not watched at that scope. Admins can also run the findings evaluation at once.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextField } from "@/components/form-field";
import { listThresholds } from "@/server/reseller-health/threshold-settings";
import { HEALTH_METRICS, type HealthMetricKey } from "@/server/reseller-health/health-thresholds";
import { loadRegistrar } from "../../_lib/registrar-session";
import { clearHealthThresholdOverride, evaluateHealthNowAsRegistrar, setHealthThreshold } from "../actions";

export const metadata: Metadata = { title: "Health thresholds" };

const boundWords = (m: HealthMetricKey) => (HEALTH_METRICS[m].bound === "max" ? "Finding above" : "Finding below");
const shown = (limit: number | null) => (limit === null ? "Not watched" : String(limit));

export default async function HealthThresholdsPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const { platform, overrides, resellers } = await listThresholds(ctx);
  return (
    <>
      <PageHeader
        title="Health thresholds"
        description="A finding opens when a reseller's figure crosses its threshold; the daily evaluation and each health page use these values."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/health/findings">
            Open findings
          </Link>
        }
      />
      {canWrite && (
        <Card
          title="Evaluate now"
          className="mb-6"
          description="Findings are recorded daily at 04:23 UTC. After changing a threshold, evaluate every reseller now to record its findings at once."
        >
          <ActionForm
            action={evaluateHealthNowAsRegistrar}
            submitLabel="Evaluate every reseller now"
            success="Evaluated: the recorded findings follow these thresholds."
            variant="secondary"
            idPrefix="evaluate"
          />
        </Card>
      )}
      <Card title="Registrar-wide" className="mb-6">
        <DataTable
          caption="Registrar-wide thresholds"
          headers={["Figure", "Rule", "Unit", canWrite ? "Threshold" : "Value"]}
        >
          {platform.map((t) => (
            <tr key={t.metric}>
              <Td>{t.label}</Td>
              <Td>{boundWords(t.metric)}</Td>
              <Td>{t.unit}</Td>
              <Td>
                {canWrite ? (
                  <ActionForm
                    action={setHealthThreshold}
                    hidden={{ metric: t.metric }}
                    submitLabel={`Save ${t.label}`}
                    success="Saved."
                    idPrefix={`platform-${t.metric}`}
                    layout="inline"
                  >
                    <TextField
                      name="limit"
                      label={`Threshold: ${t.label}`}
                      defaultValue={t.limit === null ? "" : String(t.limit)}
                      inputMode="decimal"
                      hint="Empty: not watched"
                    />
                  </ActionForm>
                ) : (
                  shown(t.limit)
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title="Overrides for single resellers" className="mb-6">
        {overrides.length === 0 ? (
          <p className="text-sm text-slate-700">No reseller has an override: the registrar-wide values apply to all.</p>
        ) : (
          <DataTable caption="Overrides" headers={["Reseller", "Figure", "Threshold", canWrite ? "" : "Rule"]}>
            {overrides.map((o) => (
              <tr key={`${o.resellerId}-${o.metric}`}>
                <Td>
                  <Link className="text-indigo-700 underline" href={`/registrar/resellers/${o.resellerId}/health`}>
                    {o.resellerName}
                  </Link>
                </Td>
                <Td>{o.label}</Td>
                <Td>{shown(o.limit)}</Td>
                <Td>
                  {canWrite ? (
                    <ActionForm
                      action={clearHealthThresholdOverride}
                      hidden={{ metric: o.metric, resellerId: o.resellerId }}
                      submitLabel={`Remove the override of ${o.label} for ${o.resellerName}`}
                      variant="secondary"
                      success="Removed."
                      layout="inline"
                    />
                  ) : (
                    boundWords(o.metric)
                  )}
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
        {canWrite && (
          <div className="mt-4 max-w-xl">
            <ActionForm action={setHealthThreshold} submitLabel="Save override" success="Saved." idPrefix="override">
              <SelectField
                name="resellerId"
                label="Reseller"
                required
                options={resellers.map((r) => ({ value: r.id, label: r.displayName }))}
              />
              <SelectField
                name="metric"
                label="Figure"
                required
                options={platform.map((t) => ({ value: t.metric, label: t.label }))}
              />
              <TextField
                name="limit"
                label="Threshold"
                inputMode="decimal"
                hint="Empty: not watched for this reseller"
              />
            </ActionForm>
          </div>
        )}
      </Card>
    </>
  );
}
