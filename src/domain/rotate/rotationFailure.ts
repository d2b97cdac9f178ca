import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { describeAzureFailure } from '../azure/azureErrors';
import { StepFailure } from '../engine/StepFailure';
import type { DomainErrorParams } from '../errors';
import { getRegistry } from '../registries/getRegistry';
import { encryptionSnapshot, sameEncryption } from './encryptionSnapshot';
import type { RotationPlan, RotationProgress, RotationStepName } from './RotationPlan';

export type RotationFailureCode = 'RotationStepFailed' | 'RotationStepFailedStateUnknown' | 'RotationFollowUpFailed';

/**
 * Turns a step failure into a message that says where the registry stands, read fresh (one GET): still on its
 * old key and identity (nothing switched), already switched (a follow-up step failed), or unknown.
 */
export async function describeRotationFailure(
    factory: AzureClientFactory,
    plan: RotationPlan,
    progress: RotationProgress,
    step: RotationStepName,
    cause: unknown,
): Promise<StepFailure<RotationFailureCode>> {
    const completed = [...progress.completed];
    const base = { step, registry: plan.registry.name, cause: describeAzureFailure(cause) };
    const failure = <C extends RotationFailureCode>(code: C, params: DomainErrorParams[C]) => new StepFailure(code, params, 'rotate', step, completed, cause);
    let current;
    try {
        current = encryptionSnapshot(await getRegistry(factory, plan.registry.id));
    } catch (readError) {
        return failure('RotationStepFailedStateUnknown', { ...base, readError: describeAzureFailure(readError), completed });
    }
    const key = current.versionedKeyIdentifier ?? current.keyIdentifier;
    if (sameEncryption(current, plan.before)) {
        return failure('RotationStepFailed', { ...base, completed, keptKey: key, keptIdentity: current.identityName });
    }
    if (progress.completed.includes('switchEncryption')) {
        return failure('RotationFollowUpFailed', { ...base, newKey: key, newIdentity: current.identityName });
    }
    return failure('RotationStepFailedStateUnknown', { ...base, readError: current.keyIdentifier, completed });
}
