import { getVault } from '../../access/getVault';
import { toVaultInfo } from '../../access/VaultInfo';
import { readTokenClaims } from '../../access/callerObjectId';
import { createVault, updateVault } from '../../azure/vaults';
import { defaultRetentionDays } from '../names';
import { newVaultId } from '../CreatePlan';
import type { CreateStep } from './StepContext';

/** A new vault always has soft delete and purge protection (the registry's key must not be purgeable). */
export const vaultStep: CreateStep = {
    async run({ factory, plan, state }) {
        if (plan.vault.kind === 'existing') {
            state.vault = { info: await getVault(factory, plan.vault.id), createdByRun: false };
            return;
        }
        const tenantId = plan.tenantId ?? factory.cloud.tenantId ?? (await readTokenClaims(factory.connection)).tid;
        const vault = await createVault(
            factory,
            { subscriptionId: plan.subscriptionId, resourceGroup: plan.resourceGroup.name, name: plan.vault.name },
            {
                location: plan.location,
                properties: {
                    tenantId: tenantId ?? '',
                    sku: { family: 'A', name: plan.vault.sku ?? 'standard' },
                    accessPolicies: [],
                    enableRbacAuthorization: plan.vault.permissionModel === 'rbac',
                    enableSoftDelete: true,
                    enablePurgeProtection: true,
                    softDeleteRetentionInDays: plan.vault.softDeleteRetentionInDays ?? defaultRetentionDays,
                },
            },
        );
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

/** On an existing vault without purge protection, turn it on (irreversible: `decideCreate` asks for the user's consent). */
export const vaultProtectionStep: CreateStep = {
    async run({ factory, state }) {
        const vault = state.vault!;
        vault.info = toVaultInfo(await updateVault(factory, vault.info, { enableSoftDelete: true, enablePurgeProtection: true }));
        state.purgeProtectionEnabledByRun = true;
    },
};
