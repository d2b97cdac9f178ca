import type { Registry } from '@azure/arm-containerregistry';
import { callerObjectId, readTokenClaims } from '../../access/callerObjectId';
import { grantEncryptionAccess, grantKeyManagement } from '../../access/encryptionAccess';
import { findEncryptionGrants } from '../../access/findEncryptionGrants';
import { getVault } from '../../access/getVault';
import { toVaultInfo } from '../../access/VaultInfo';
import { createRegistry, deleteRegistry, readRegistry } from '../../azure/registries';
import { createResourceGroup, readResourceGroup } from '../../azure/resourceGroups';
import { createUserIdentity, getUserIdentityResource, readUserIdentity, type UserIdentityInfo } from '../../azure/userIdentities';
import { createVault, updateVault } from '../../azure/vaults';
import { parseResourceId } from '../../util/resourceId';
import { inPlanGroup, registryId, resourceGroupId, type CreatePlan, type CreateStepId } from '../CreatePlan';
import type { CreateRunState } from '../CreateRunState';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import type { StepJournal } from '../../engine/RunJournal';
import { defaultRetentionDays } from '../names';
import { keyStep } from './keyStep';

export interface CreateOptions {
    /** How long a fresh grant may take to reach Key Vault (RBAC propagation) before key creation gives up. Default 5 minutes. */
    readonly grantPropagationTimeoutMs?: number;
    /** Wait between attempts while a grant propagates. Default 5 seconds. */
    readonly grantPropagationPollMs?: number;
}

export interface StepContext {
    readonly factory: AzureClientFactory;
    readonly plan: CreatePlan;
    readonly state: CreateRunState;
    readonly options: CreateOptions;
    readonly journal: StepJournal;
}

/** One step's requests. */
export type CreateStep = {
    readonly run: (ctx: StepContext) => Promise<void>;
    /** After a failure: record anything the failed request may still have created, so the report and cleanup see it. */
    readonly probe?: (ctx: StepContext) => Promise<void>;
};

/** Each step's requests, by step id; whether a step runs is decided by `decideCreate`. */
export const createSteps: Record<CreateStepId, CreateStep> = {
    /** A new group is created only when absent (an existing one is used, never claimed); an existing group is taken as picked. */
    resourceGroup: {
        async run({ factory, plan, state }) {
            const existing = plan.resourceGroup.create ? await readResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name) : undefined;
            if (!plan.resourceGroup.create || existing) {
                state.resourceGroup = { id: existing?.id ?? resourceGroupId(plan), createdByRun: false };
                return;
            }
            const created = await createResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name, plan.location);
            state.resourceGroup = { id: created.id ?? resourceGroupId(plan), createdByRun: true };
        },
        async probe({ factory, plan, state }) {
            // Absent (or unreadable): nothing to record.
            const found = plan.resourceGroup.create && (await readResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name).catch(() => undefined));
            if (found) {
                state.resourceGroup = { id: found.id ?? resourceGroupId(plan), createdByRun: true };
            }
        },
    },
    identity: {
        async run({ factory, plan, state }) {
            if (plan.identity.kind === 'existing') {
                const ref = parseResourceId(plan.identity.id);
                const found = await getUserIdentityResource(factory, ref);
                state.identity = identityRecord({ ...found, id: found.id || plan.identity.id }, ref.name, false);
                return;
            }
            const { name } = plan.identity;
            const created = await createUserIdentity(factory, inPlanGroup(plan, name), plan.location);
            const id = created.id || `${resourceGroupId(plan)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
            state.identity = identityRecord({ ...created, id }, name, true);
        },
        async probe({ factory, plan, state }) {
            const name = plan.identity.kind === 'new' ? plan.identity.name : undefined;
            const found = name && (await readUserIdentity(factory, inPlanGroup(plan, name)).catch(() => undefined));
            if (name && found) {
                state.identity = identityRecord(found, name, true);
            }
        },
    },
    /** A new vault always has soft delete and purge protection (the registry's key must not be purgeable). */
    vault: {
        async run({ factory, plan, state }) {
            if (plan.vault.kind === 'existing') {
                state.vault = { info: await getVault(factory, plan.vault.id), createdByRun: false };
                return;
            }
            const tenantId = plan.tenantId ?? factory.cloud.tenantId ?? (await readTokenClaims(factory.connection)).tid;
            const vault = await createVault(factory, inPlanGroup(plan, plan.vault.name), {
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
            });
            state.vault = { info: toVaultInfo(vault), createdByRun: true };
        },
        async probe({ factory, plan, state }) {
            if (plan.vault.kind !== 'new') {
                return;
            }
            try {
                state.vault = {
                    info: await getVault(factory, `${resourceGroupId(plan)}/providers/Microsoft.KeyVault/vaults/${plan.vault.name}`),
                    createdByRun: true,
                };
            } catch {
                // Not created.
            }
        },
    },
    /** On an existing vault without purge protection, turn it on (irreversible: `decideCreate` asks for the user's consent). */
    vaultProtection: {
        async run({ factory, state }) {
            const vault = state.vault!;
            vault.info = toVaultInfo(await updateVault(factory, vault.info, { enableSoftDelete: true, enablePurgeProtection: true }));
            state.purgeProtectionEnabledByRun = true;
        },
    },
    /** Key-management rights for the signed-in user, only on a vault this run created (a new key needs them). */
    keyManagementAccess: {
        async run({ factory, state }) {
            state.keyManagementGrant = await grantKeyManagement(factory, state.vault!.info, await callerObjectId(factory.connection));
        },
    },
    /** get/wrapKey/unwrapKey (or the crypto service encryption role) for the registry's identity; nothing when it already has them. */
    encryptionAccess: {
        async run({ factory, state }) {
            state.encryptionGrant = await grantEncryptionAccess(factory, state.vault!.info, state.identity!.principalId);
        },
        // Only an identity this run created: any grant it holds is this run's (a pre-existing identity's grants are never claimed).
        async probe({ factory, state }) {
            if (state.vault && state.identity?.createdByRun) {
                const [grant] = await findEncryptionGrants(factory, state.vault.info, state.identity.principalId);
                if (grant) {
                    state.encryptionGrant = grant;
                }
            }
        },
    },
    key: keyStep,
    registry: {
        async run({ factory, plan, state, journal }) {
            const ref = inPlanGroup(plan, plan.registry.name);
            if (state.registry?.createdByRun) {
                // A create whose operation failed leaves a Failed registry: remove this run's own leftover, then create afresh.
                await deleteRegistry(factory, ref);
                state.registry = undefined;
            }
            const created = await createRegistry(factory, ref, registryBody(plan, state), (serialized) => journal.operation('registry', serialized));
            state.registry = { id: created.id ?? registryId(plan), loginServer: created.loginServer, createdByRun: true, succeeded: true };
        },
        async probe({ factory, plan, state }) {
            const found = await readRegistry(factory, inPlanGroup(plan, plan.registry.name));
            if (found) {
                const succeeded = found.provisioningState === 'Succeeded';
                state.registry = { id: found.id ?? registryId(plan), loginServer: found.loginServer, createdByRun: true, succeeded };
            }
        },
    },
};

function identityRecord({ id, principalId, clientId }: UserIdentityInfo, name: string, createdByRun: boolean): CreateRunState['identity'] {
    return { id, name, principalId, clientId, createdByRun };
}

/** The registry body: Premium, the user-assigned identity, and encryption with the key and the identity's CLIENT id. */
function registryBody(plan: CreatePlan, state: CreateRunState): Registry {
    const identity = state.identity!;
    return {
        location: plan.location,
        sku: { name: 'Premium' },
        identity: { type: 'UserAssigned', userAssignedIdentities: { [identity.id]: {} } },
        adminUserEnabled: false,
        encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: state.key!.keyIdentifier, identity: identity.clientId } },
    };
}
