import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { describeAzureFailure } from '../azure/azureErrors';
import { DomainError, type DomainErrorParams, type ParamsArgument } from '../errors';
import { getRegistry } from '../registries/getRegistry';
import { encryptionSnapshot, sameEncryption } from './encryptionSnapshot';
import type { RotationPlan, RotationProgress, RotationStepName } from './RotationPlan';

type RotationFailureCode = 'RotationStepFailed' | 'RotationStepFailedStateUnknown' | 'RotationFollowUpFailed';

/** A failed rotation step; `cause` keeps the original error (SDK or domain) for logs and callers. */
export class RotationStepError<C extends RotationFailureCode = RotationFailureCode> extends DomainError<C> {
    constructor(
        code: C,
        params: DomainErrorParams[C],
        override readonly cause: unknown,
    ) {
        super(code, ...([params] as ParamsArgument<C>));
    }
}

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
): Promise<RotationStepError> {
    const completed = [...progress.completed];
    const base = { step, registry: plan.registry.name, cause: describeAzureFailure(cause) };
    let current;
    try {
        current = encryptionSnapshot(await getRegistry(factory, plan.registry.id));
    } catch (readError) {
        return new RotationStepError('RotationStepFailedStateUnknown', { ...base, readError: describeAzureFailure(readError), completed }, cause);
    }
    const key = current.versionedKeyIdentifier ?? current.keyIdentifier;
    if (sameEncryption(current, plan.before)) {
        return new RotationStepError('RotationStepFailed', { ...base, completed, keptKey: key, keptIdentity: current.identityName }, cause);
    }
    if (progress.completed.includes('switchEncryption')) {
        return new RotationStepError('RotationFollowUpFailed', { ...base, newKey: key, newIdentity: current.identityName }, cause);
    }
    return new RotationStepError('RotationStepFailedStateUnknown', { ...base, readError: current.keyIdentifier, completed }, cause);
}
