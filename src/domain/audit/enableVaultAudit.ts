import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { azureErrorOf, isNotFound } from '../azure/azureErrors';
import { putDiagnosticSetting } from '../azure/diagnosticSettings';
import { readWorkspace } from '../azure/workspaces';
import { DomainError } from '../errors';
import { parseResourceId, resourceNameFromId as nameOf } from '../util/resourceId';
import { readVaultAudit, type AuditedVault, type VaultAudit } from './vaultAudit';

/** The diagnostic setting this extension writes on a vault (one per vault; run again, it is replaced). */
export const AUDIT_SETTING_NAME = 'acr-cmk-key-audit';

/**
 * Sends the vault's `AuditEvent` logs to a Log Analytics workspace, then reads the vault's settings back. Nothing is
 * written when a setting already sends them to that workspace (Azure would refuse a second one: 409 Conflict).
 * `logAnalyticsDestinationType` stays unset, so the records land in the `AzureDiagnostics` table keyUsageQuery reads.
 */
export async function enableVaultAudit(factory: AzureClientFactory, vault: AuditedVault, workspaceId: string): Promise<VaultAudit> {
    const before = await readVaultAudit(factory, vault);
    if (before.state === 'on' && before.workspace.id.toLowerCase() === workspaceId.toLowerCase()) {
        return before;
    }
    try {
        await putDiagnosticSetting(factory, vault.id, AUDIT_SETTING_NAME, { workspaceId, logs: [{ category: 'AuditEvent', enabled: true }] });
    } catch (error) {
        throw await auditSettingError(factory, vault, workspaceId, error);
    }
    return readVaultAudit(factory, vault);
}

async function auditSettingError(factory: AzureClientFactory, vault: AuditedVault, workspaceId: string, error: unknown): Promise<DomainError> {
    const { code, message } = azureErrorOf(error);
    if (isNotFound(error)) {
        if (!(await readWorkspace(factory, workspaceId).catch(() => undefined))) {
            return new DomainError('AuditWorkspaceNotFound', { workspace: nameOf(workspaceId) });
        }
        const ref = parseResourceId(vault.id);
        return new DomainError('VaultNotFound', { vault: ref.name, resourceGroup: ref.resourceGroup });
    }
    return new DomainError('AuditSettingFailed', { vault: nameOf(vault.id), workspace: nameOf(workspaceId), cause: `${code}: ${message}` });
}
