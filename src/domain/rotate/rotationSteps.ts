import { addKeyPermissions } from '../access/accessPolicies';
import { grantEncryptionAccess, removeGrant } from '../access/encryptionAccess';
import { setRotationPolicy } from '../autoRotation/rotationPolicy';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { enableTrustedServices } from '../firewall/enableTrustedServices';
import { formatKeyIdentifier, parseKeyIdentifier } from '../keys/keyIdentifier';
import { hasIdentityType } from '../registries/identity';
import { createKeyVersion } from './keyVersions';
import { encryptionIdentityValue } from './plannedIdentity';
import { assignUserIdentityBody, enableSystemIdentityBody, patchRegistry, switchEncryptionBody } from './registryPatches';
import { rotationStepNames, type RotationPlan, type RotationProgress, type RotationStepName } from './RotationPlan';

/** One step of a rotation: the domain runs them in `rotationStepNames` order, the wizard wraps each in an execute step. */
export interface RotationStep {
    readonly name: RotationStepName;
    run(factory: AzureClientFactory, plan: RotationPlan, progress: RotationProgress): Promise<void>;
}

const steps: Record<RotationStepName, RotationStep['run']> = {
    reassignIdentity: async (factory, plan) => { await patchRegistry(factory, plan.registry, assignUserIdentityBody(plan.registry.raw.identity, plan.reassignIdentityId!)); },
    assignIdentity: async (factory, plan) => { await patchRegistry(factory, plan.registry, assignUserIdentityBody(plan.registry.raw.identity, plan.identity.kind === 'user' ? plan.identity.resourceId : '')); },
    enableSystemIdentity: async (factory, plan, progress) => {
        // The registry the operation returns carries the new principal id: no second GET.
        const identity = (await patchRegistry(factory, plan.registry, enableSystemIdentityBody(plan.registry.raw.identity))).raw.identity;
        if (!hasIdentityType(identity, 'SystemAssigned') || !identity?.principalId) {
            throw new DomainError('SystemIdentityNotEnabled', { registry: plan.registry.name });
        }
        progress.principalId = identity.principalId;
    },
    grantAccess: async (factory, plan, progress) => {
        const grant = await grantEncryptionAccess(factory, plan.vault, progress.principalId!);
        progress.grantCreated = grant.kind !== 'none';
    },
    enableTrustedServices: (factory, plan) => enableTrustedServices(factory, plan.vault),
    grantPolicyRights: async (factory, plan) => {
        await addKeyPermissions(factory, plan.vault, plan.policyRights!.objectId, plan.policyRights!.missing);
    },
    createKeyVersion: async (factory, plan, progress) => {
        const created = await createKeyVersion(factory, plan.key);
        progress.createdVersion = created.version;
        progress.targetKeyId = plan.versionless
            ? formatKeyIdentifier(plan.key, { versionless: true })
            : formatKeyIdentifier({ ...parseKeyIdentifier(created.id, factory.cloud), vaultUrl: plan.key.vaultUrl });
    },
    switchEncryption: async (factory, plan, progress) => {
        progress.after = await patchRegistry(factory, plan.registry, switchEncryptionBody(progress.targetKeyId!, encryptionIdentityValue(plan.identity)));
    },
    setRotationPolicy: (factory, plan) => setRotationPolicy(factory, plan.key, plan.rotationPolicy!),
    removeOldGrant: async (factory, plan) => {
        for (const grant of plan.previousIdentityGrants ?? []) {
            await removeGrant(factory, plan.vault, grant);
        }
    },
};

export const rotationSteps: readonly RotationStep[] = rotationStepNames.map((name) => ({ name, run: steps[name] }));

/** The progress a run starts from: what the plan already knows. */
export function startProgress(plan: RotationPlan): RotationProgress {
    return { principalId: plan.identity.principalId, targetKeyId: plan.targetKeyId, completed: [] };
}
