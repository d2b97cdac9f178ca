import type { RegistryUpdateParameters } from '@azure/arm-containerregistry';
import { addKeyPermissions } from '../access/accessPolicies';
import { grantEncryptionAccess, removeGrant } from '../access/encryptionAccess';
import { setRotationPolicy } from '../keys/rotationPolicy';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { enableTrustedServices } from '../access/enableTrustedServices';
import { formatKeyIdentifier, parseKeyIdentifier } from '../keys/keyIdentifier';
import { hasIdentityType } from '../registries/identity';
import { createKeyVersion, runTag } from './keyVersions';
import type { StepJournal } from '../engine/RunJournal';
import { encryptionIdentityValue } from './plannedIdentity';
import { assignUserIdentityBody, enableSystemIdentityBody, patchRegistry, switchEncryptionBody } from './registryPatches';
import { rotationStepNames, type RotationPlan, type RotationProgress, type RotationStepName } from './RotationPlan';

/** One step of a rotation: the domain runs them in `rotationStepNames` order, the wizard wraps each in an execute step. */
export interface RotationStep {
    readonly name: RotationStepName;
    run(factory: AzureClientFactory, plan: RotationPlan, progress: RotationProgress, journal: StepJournal): Promise<void>;
}

const steps: Record<RotationStepName, RotationStep['run']> = {
    reassignIdentity: async (factory, plan, _progress, journal) => {
        await patch(factory, plan, journal, 'reassignIdentity', assignUserIdentityBody(plan.registry.raw.identity, plan.reassignIdentityId!));
    },
    assignIdentity: async (factory, plan, _progress, journal) => {
        const resourceId = plan.identity.kind === 'user' ? plan.identity.resourceId : '';
        await patch(factory, plan, journal, 'assignIdentity', assignUserIdentityBody(plan.registry.raw.identity, resourceId));
    },
    enableSystemIdentity: async (factory, plan, progress, journal) => {
        // The registry the operation returns carries the new principal id: no second GET.
        const { identity } = (await patch(factory, plan, journal, 'enableSystemIdentity', enableSystemIdentityBody(plan.registry.raw.identity))).raw;
        if (!hasIdentityType(identity, 'SystemAssigned') || !identity?.principalId) {
            throw new DomainError('SystemIdentityNotEnabled', { registry: plan.registry.name });
        }
        progress.principalId = identity.principalId;
    },
    grantAccess: async (factory, plan, progress) => {
        const grant = await grantEncryptionAccess(factory, plan.vault, progress.principalId!);
        progress.grantCreated = grant.kind !== 'none';
        progress.grant = grant.kind === 'none' ? undefined : grant;
    },
    enableTrustedServices: (factory, plan) => enableTrustedServices(factory, plan.vault),
    grantPolicyRights: async (factory, plan) => {
        await addKeyPermissions(factory, plan.vault, plan.policyRights!.objectId, plan.policyRights!.missing);
    },
    createKeyVersion: async (factory, plan, progress) => {
        const created = await createKeyVersion(factory, plan.key, progress.runId ? { [runTag]: progress.runId } : undefined);
        progress.createdVersion = created.version;
        progress.targetKeyId = plan.versionless
            ? formatKeyIdentifier(plan.key, { versionless: true })
            : formatKeyIdentifier({ ...parseKeyIdentifier(created.id, factory.cloud), vaultUrl: plan.key.vaultUrl });
    },
    switchEncryption: async (factory, plan, progress, journal) => {
        const body = switchEncryptionBody(progress.targetKeyId!, encryptionIdentityValue(plan.identity));
        progress.after = await patch(factory, plan, journal, 'switchEncryption', body);
    },
    setRotationPolicy: (factory, plan) => setRotationPolicy(factory, plan.key, plan.rotationPolicy!),
    removeOldGrant: async (factory, plan) => {
        for (const grant of plan.previousIdentityGrants ?? []) {
            await removeGrant(factory, plan.vault, grant);
        }
    },
};

/** One PATCH of the plan's registry; the operation Azure accepted is journaled under the step. */
const patch = (factory: AzureClientFactory, plan: RotationPlan, journal: StepJournal, step: RotationStepName, body: RegistryUpdateParameters) =>
    patchRegistry(factory, plan.registry, body, (serialized) => journal.operation(step, serialized));

export const rotationSteps: readonly RotationStep[] = rotationStepNames.map((name) => ({ name, run: steps[name] }));

/** The progress a run starts from: what the plan already knows. */
export function startProgress(plan: RotationPlan, runId?: string): RotationProgress {
    return { principalId: plan.identity.principalId, targetKeyId: plan.targetKeyId, completed: [], ...(runId ? { runId } : {}) };
}
