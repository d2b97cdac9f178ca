import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, ArmResponse } from '../types';
import { ArmError, badRequest } from '../errors';
import { lower } from '../ids';
import { requireVault } from './vaultLifecycle';
import { findWorkspace } from './workspaces';
import { route, rx, RG, listOf, ok, type Route } from './route';

// Microsoft.Insights/diagnosticSettings as an extension resource of a key vault (api-version 2021-05-01-preview, REST spec
// `monitor/.../2021-05-01-preview/diagnosticsSettings_API.json`). Only vaults are emulated targets.

export interface LogSetting {
    category?: string;
    categoryGroup?: string;
    enabled: boolean;
    retentionPolicy?: { enabled: boolean; days: number };
}
export interface MetricSetting {
    category?: string;
    timeGrain?: string;
    enabled: boolean;
    retentionPolicy?: { enabled: boolean; days: number };
}
export interface DiagnosticSetting {
    /** the target resource's id as Azure keeps it, lower case */
    resourceId: string;
    name: string;
    workspaceId?: string;
    storageAccountId?: string;
    eventHubAuthorizationRuleId?: string;
    eventHubName?: string;
    logAnalyticsDestinationType?: string;
    logs: LogSetting[];
    metrics: MetricSetting[];
}

// Key Vault's diagnostic categories (Azure Monitor "Supported logs for Microsoft.KeyVault/vaults"): AuditEvent is in
// the `audit` and `allLogs` groups, AzurePolicyEvaluationDetails in `allLogs` only; one metric category, AllMetrics.
const LOG_CATEGORIES: Record<string, string[]> = { auditevent: ['audit', 'alllogs'], azurepolicyevaluationdetails: ['alllogs'] };
const LOG_GROUPS = ['audit', 'allLogs'];
const METRIC_CATEGORIES = ['AllMetrics'];

/** Azure Monitor answers its own errors as `{code, message}` at the top level (spec ErrorResponse; recorded 409 below). */
class InsightsError extends ArmError {
    override toResponse(): ArmResponse {
        return { status: this.status, body: { code: this.code, message: this.message } };
    }
}

const settingsOf = (ctx: EmulatorContext): Record<string, DiagnosticSetting> => (ctx.world.diagnosticSettings ??= {});
const settingKey = (resourceId: string, name: string): string => `${lower(resourceId)}/providers/microsoft.insights/diagnosticsettings/${lower(name)}`;

// As recorded (Azure CLI, diagnostic settings on a network security group): the target's id in lower case, the
// setting's own name as created, absent destinations as null, location/kind/tags/identity null.
export const settingJson = (s: DiagnosticSetting): unknown => ({
    id: `${s.resourceId}/providers/microsoft.insights/diagnosticSettings/${s.name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name: s.name,
    location: null,
    kind: null,
    tags: null,
    properties: {
        storageAccountId: s.storageAccountId ?? null,
        serviceBusRuleId: null,
        workspaceId: s.workspaceId ?? null,
        eventHubAuthorizationRuleId: s.eventHubAuthorizationRuleId ?? null,
        eventHubName: s.eventHubName ?? null,
        metrics: s.metrics,
        logs: s.logs,
        logAnalyticsDestinationType: s.logAnalyticsDestinationType ?? null,
    },
    identity: null,
});

/** The log categories a setting sends (its groups expanded). */
const categoriesSent = (s: Pick<DiagnosticSetting, 'logs'>): string[] =>
    Object.keys(LOG_CATEGORIES).filter((c) =>
        s.logs.some((l) => l.enabled && (lower(l.category ?? '') === c || LOG_CATEGORIES[c]!.includes(lower(l.categoryGroup ?? '')))),
    );

function validateCategories(logs: LogSetting[], metrics: MetricSetting[]): void {
    for (const l of logs) {
        const known = l.category ? lower(l.category) in LOG_CATEGORIES : LOG_GROUPS.some((g) => lower(g) === lower(l.categoryGroup ?? ''));
        // Wording by analogy with the recorded metric message below (no recording shows an unknown log category).
        if (!known) throw new InsightsError(400, 'BadRequest', `Category '${l.category ?? l.categoryGroup ?? ''}' is not supported.`);
    }
    for (const m of metrics) {
        // Recorded (Azure Landing Zones issue 1147): "Metric category 'Run' is not supported, supported categories are: 'AllMetrics'."
        if (m.category && !METRIC_CATEGORIES.some((c) => lower(c) === lower(m.category!))) {
            throw new InsightsError(
                400,
                'BadRequest',
                `Metric category '${m.category}' is not supported, supported categories are: '${METRIC_CATEGORIES.join("', '")}'.`,
            );
        }
    }
}

function validateWorkspace(ctx: EmulatorContext, workspaceId: string): void {
    // Resource Manager checks linked ids first (azure-powershell issue 4465 quotes the message; the code is ARM's for linked ids).
    if (!/^\/(subscriptions\/[^/]+|providers\/[^/]+)\//i.test(workspaceId)) {
        throw badRequest(
            'LinkedInvalidPropertyId',
            `Property id '${workspaceId}' at path 'properties.workspaceId' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.`,
        );
    }
    // A workspace that does not exist: 404 ResourceNotFound (azure-cli issues 8570 and 4215 show only the status and code;
    // the message here is the emulator's own).
    if (!findWorkspace(ctx, workspaceId)) throw new InsightsError(404, 'ResourceNotFound', `The workspace '${workspaceId}' was not found.`);
}

/** Azure refuses a second setting sending a category to the same destination (recorded 409, text as Azure writes it). */
function refuseReusedSink(ctx: EmulatorContext, next: DiagnosticSetting): void {
    if (!next.workspaceId) return;
    for (const other of Object.values(settingsOf(ctx))) {
        if (other.resourceId !== next.resourceId || lower(other.name) === lower(next.name) || lower(other.workspaceId ?? '') !== lower(next.workspaceId)) {
            continue;
        }
        const shared = categoriesSent(other).find((c) => categoriesSent(next).includes(c));
        if (shared) {
            const category = shared === 'auditevent' ? 'AuditEvent' : 'AzurePolicyEvaluationDetails';
            throw new InsightsError(
                409,
                'Conflict',
                `Data sink '${next.workspaceId}' is already used in diagnostic setting '${other.name}' for category '${category}'. Data sinks can't be reused in different settings on the same category for the same resource.`,
            );
        }
    }
}

function putSetting(ctx: EmulatorContext, req: ArmRequest, resourceId: string, name: string): ArmResponse {
    type SettingProperties = { logs?: unknown; metrics?: unknown; workspaceId?: unknown } & Partial<
        Record<'storageAccountId' | 'eventHubAuthorizationRuleId' | 'eventHubName' | 'logAnalyticsDestinationType', string>
    >;
    const props = (req.body as ArmResourceBody<SettingProperties> | undefined)?.properties ?? {};
    const logs: LogSetting[] = Array.isArray(props.logs) ? props.logs : [];
    const metrics: MetricSetting[] = Array.isArray(props.metrics) ? props.metrics : [];
    validateCategories(logs, metrics);
    const workspaceId = typeof props.workspaceId === 'string' && props.workspaceId !== '' ? props.workspaceId : undefined;
    if (workspaceId) validateWorkspace(ctx, workspaceId);
    const setting: DiagnosticSetting = {
        resourceId,
        name,
        workspaceId,
        logs,
        metrics,
        storageAccountId: props.storageAccountId || undefined,
        eventHubAuthorizationRuleId: props.eventHubAuthorizationRuleId || undefined,
        eventHubName: props.eventHubName || undefined,
        logAnalyticsDestinationType: props.logAnalyticsDestinationType || undefined,
    };
    refuseReusedSink(ctx, setting);
    const key = settingKey(resourceId, name);
    const existing = settingsOf(ctx)[key];
    settingsOf(ctx)[key] = { ...setting, name: existing?.name ?? name };
    return ok(settingJson(settingsOf(ctx)[key]!)); // 200 for create and update alike (spec; recorded)
}

const VAULT = `(?<vault>${RG}/providers/Microsoft\\.KeyVault/vaults/(?<name>[^/]+))/providers/Microsoft\\.Insights/diagnosticSettings`;
/** The vault must exist (ARM's ResourceNotFound); the setting's key starts with its id in lower case. */
const vaultScope = (ctx: EmulatorContext, p: Record<string, string>): string => lower(requireVault(ctx, p.sub!, p.rg!, p.name!).id);

export const diagnosticSettingRoutes: Route[] = [
    route('GET', rx(VAULT), (ctx, _req, p) => {
        const scope = vaultScope(ctx, p);
        return listOf(
            Object.values(settingsOf(ctx))
                .filter((s) => s.resourceId === scope)
                .map(settingJson),
        );
    }),
    route('PUT', rx(`${VAULT}/(?<setting>[^/]+)`), (ctx, req, p) => putSetting(ctx, req, vaultScope(ctx, p), p.setting!)),
    route('GET', rx(`${VAULT}/(?<setting>[^/]+)`), (ctx, _req, p) => {
        const found = settingsOf(ctx)[settingKey(vaultScope(ctx, p), p.setting!)];
        // Unverified wording: Azure Monitor's 404 for a setting name that does not exist.
        if (!found) throw new InsightsError(404, 'ResourceNotFound', `The diagnostic setting '${p.setting}' doesn't exist.`);
        return ok(settingJson(found));
    }),
    route('DELETE', rx(`${VAULT}/(?<setting>[^/]+)`), (ctx, _req, p) => {
        const key = settingKey(vaultScope(ctx, p), p.setting!);
        if (!settingsOf(ctx)[key]) return { status: 204 };
        delete settingsOf(ctx)[key];
        return { status: 200 };
    }),
];
