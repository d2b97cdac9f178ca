import { hasEncryptionAccess } from '../access/encryptionAccess';
import { getVault } from '../access/getVault';
import { lookUpKey } from '../access/keyState';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { parseKeyIdentifier } from '../keys/keyIdentifier';
import { getRegistry } from '../registries/getRegistry';
import { encryptionSnapshot, sameEncryption } from './encryptionSnapshot';
import type { EncryptionSnapshot, RotationPlan, RotationProgress, RotationStepName } from './RotationPlan';

/**
 * Before a rotation changes the registry (its first change, and the switch itself), what the confirmed plan relied on
 * must still hold: someone else (another window, a pipeline, the portal) may have changed it meanwhile. Registries,
 * vaults and keys take no `If-Match` here (ACR's registry API has no ETag), so each is read again and compared; a
 * change stops the run before anything further is changed.
 */
export async function assertPlanStillHolds(
    factory: AzureClientFactory,
    plan: RotationPlan,
    step: RotationStepName,
    progress?: RotationProgress,
): Promise<void> {
    const registry = await getRegistry(factory, plan.registry.id);
    const now = encryptionSnapshot(registry);
    if (!sameEncryption(now, plan.before)) {
        const systemData = registry.raw.systemData;
        throw new DomainError('PlanStale', {
            registry: plan.registry.name,
            step,
            planned: describe(plan.before),
            found: describe(now),
            by: systemData?.lastModifiedBy ?? '',
            at: toIso(systemData?.lastModifiedAt),
        });
    }
    if (step === 'switchEncryption') {
        await assertKeyStillUsable(factory, plan);
        await assertAccessStillThere(factory, plan, progress);
    }
}

/** The key planned on (an existing key) is still there and enabled. */
async function assertKeyStillUsable(factory: AzureClientFactory, plan: RotationPlan): Promise<void> {
    if (!plan.targetKeyId) {
        return;
    }
    const key = parseKeyIdentifier(plan.targetKeyId, factory.cloud);
    const found = await lookUpKey(factory, key);
    const state =
        found.kind !== 'found'
            ? found.kind
            : !found.state.enabled
              ? 'disabled'
              : found.state.expiresOn && found.state.expiresOn.getTime() <= Date.now()
                ? 'expired'
                : undefined;
    if (state) {
        throw new DomainError('PlanStaleKey', { registry: plan.registry.name, key: key.keyName, vault: key.vaultName, state });
    }
}

/** The identity still reaches the vault when the plan found it did (and so planned no grant). */
async function assertAccessStillThere(factory: AzureClientFactory, plan: RotationPlan, progress: RotationProgress | undefined): Promise<void> {
    const principalId = progress?.principalId ?? plan.identity.principalId;
    if (plan.steps.has('grantAccess') || !principalId) {
        return;
    }
    if (!(await hasEncryptionAccess(factory, await getVault(factory, plan.vault.id), principalId))) {
        const identity = plan.identity.kind === 'user' ? plan.identity.name : 'system';
        throw new DomainError('PlanStaleAccess', { registry: plan.registry.name, identity, vault: plan.vault.name });
    }
}

/**
 * Whether a step is one before which the plan is checked: the first change of a run, and the switch — while the switch
 * is still ahead. A run of follow-up steps only (a retry after the switch) relies on the switched registry, not on the
 * state the plan read before it.
 */
export function checksPlanBefore(plan: RotationPlan, step: RotationStepName, completed: readonly RotationStepName[]): boolean {
    return plan.steps.has('switchEncryption') && !completed.includes('switchEncryption') && (completed.length === 0 || step === 'switchEncryption');
}

function describe(snapshot: EncryptionSnapshot): string {
    return `${snapshot.keyIdentifier || '-'} (${snapshot.identityName || snapshot.identity || '-'})`;
}

function toIso(at: Date | string | undefined): string {
    return at instanceof Date ? at.toISOString() : (at ?? '');
}
