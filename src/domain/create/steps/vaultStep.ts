import { getVault } from '../../access/getVault';
import { toVaultInfo } from '../../access/VaultInfo';
import { readTokenClaims } from '../../access/callerObjectId';
import { DomainError } from '../../errors';
import { defaultRetentionDays } from '../names';
import { newVaultId } from '../CreatePlan';
import { pollOptions, type CreateStep } from './StepContext';

/** A new vault always has soft delete and purge protection (the registry's key must not be purgeable). */
export const vaultStep: CreateStep = {
    needed: ({ state }) => !state.vault,
    async run({ factory, plan, state }) {
        if (plan.vault.kind === 'existing') {
            state.vault = { info: await getVault(factory, plan.vault.id), createdByRun: false };
            return;
        }
        const tenantId = plan.tenantId ?? factory.cloud.tenantId ?? (await readTokenClaims(factory.connection)).tid;
        const client = await factory.keyVaultManagement(plan.subscriptionId);
        const vault = await client.vaults.createOrUpdate(plan.resourceGroup.name, plan.vault.name, {
            location: plan.location,
            properties: {
                tenantId: tenantId ?? '', sku: { family: 'A', name: plan.vault.sku ?? 'standard' }, accessPolicies: [],
                enableRbacAuthorization: plan.vault.permissionModel === 'rbac',
                enableSoftDelete: true, enablePurgeProtection: true,
                softDeleteRetentionInDays: plan.vault.softDeleteRetentionInDays ?? defaultRetentionDays,
            },
        }, pollOptions(factory));
        state.vault = { info: toVaultInfo(vault), createdByRun: true };
    },
    async probe({ factory, plan, state }) {
        if (plan.vault.kind !== 'new') {
            return;
        }
        try {
            state.vault = { info: await getVault(factory, newVaultId(plan, plan.vault.name)), createdByRun: true };
        } catch {
            // Not created.
        }
    },
};

/** On an existing vault without purge protection, turn it on only when the user agreed (irreversible). */
export const vaultProtectionStep: CreateStep = {
    needed: ({ state }) => !!state.vault && !state.vault.info.enablePurgeProtection,
    async run({ factory, plan, state }) {
        const vault = state.vault!;
        if (plan.vault.kind !== 'existing' || !plan.vault.enablePurgeProtection) {
            throw new DomainError('VaultPurgeProtectionDeclined', { vault: vault.info.name });
        }
        const client = await factory.keyVaultManagement(vault.info.subscriptionId);
        const updated = await client.vaults.update(vault.info.resourceGroup, vault.info.name, { properties: { enableSoftDelete: true, enablePurgeProtection: true } });
        vault.info = toVaultInfo(updated);
        state.purgeProtectionEnabledByRun = true;
    },
};
