import type { DiagnosticSettingsResource } from '@azure/arm-monitor';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { diagnosticSettingsOf } from '../azure/diagnosticSettings';
import { collect } from '../util/collect';
import { resourceNameFromId } from '../util/resourceId';

/** A key vault as the audit needs it: its resource id. */
export interface AuditedVault {
    readonly id: string;
}

/** Where a vault's audit logs (Key Vault's `AuditEvent` category) go in Log Analytics, if anywhere. */
export type VaultAudit =
    { readonly state: 'off' } | { readonly state: 'on'; readonly workspace: { readonly id: string; readonly name: string }; readonly settingName: string };

/** Key Vault's categories: `AuditEvent` alone, or inside the `audit` and `allLogs` groups (Azure Monitor's supported logs for vaults). */
const AUDIT_GROUPS = ['audit', 'alllogs'];

/** Whether a setting sends the vault's `AuditEvent` logs to a Log Analytics workspace. */
export function sendsAuditEventsToWorkspace(setting: DiagnosticSettingsResource): boolean {
    return (
        !!setting.workspaceId &&
        (setting.logs ?? []).some(
            (log) => log.enabled && (log.category?.toLowerCase() === 'auditevent' || AUDIT_GROUPS.includes(log.categoryGroup?.toLowerCase() ?? '')),
        )
    );
}

/** Reads the vault's diagnostic settings: on when one of them sends AuditEvent to a workspace (the first such one). */
export async function readVaultAudit(factory: AzureClientFactory, vault: AuditedVault): Promise<VaultAudit> {
    const settings = await collect(diagnosticSettingsOf(factory, vault.id));
    const sending = settings.find(sendsAuditEventsToWorkspace);
    return sending
        ? { state: 'on', workspace: { id: sending.workspaceId!, name: resourceNameFromId(sending.workspaceId!) }, settingName: sending.name ?? '' }
        : { state: 'off' };
}
