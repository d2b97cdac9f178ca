import { DomainError } from '../errors';
import type { CreatePlan } from './CreatePlan';
import {
    identityNameProblem,
    keyNameProblem,
    keySizeProblem,
    registryNameProblem,
    resourceGroupNameProblem,
    retentionProblem,
    vaultNameProblem,
} from './names';
import { parseResourceId } from '../util/resourceId';

/** Every local rule of a plan, checked before any request: throws the first broken one. */
export function validatePlan(plan: CreatePlan): void {
    const problem = planProblems(plan)[0];
    if (problem) {
        throw problem;
    }
}

export function planProblems(plan: CreatePlan): DomainError[] {
    const problems: (DomainError | undefined)[] = [
        resourceGroupNameProblem(plan.resourceGroup.name),
        registryNameProblem(plan.registry.name),
        plan.registry.sku !== undefined && plan.registry.sku.toLowerCase() !== 'premium'
            ? new DomainError('RegistrySkuNotPremium', { sku: plan.registry.sku })
            : undefined,
        plan.identity.kind === 'new' ? identityNameProblem(plan.identity.name) : resourceIdProblem(plan.identity.id),
        plan.vault.kind === 'new' ? vaultNameProblem(plan.vault.name) : resourceIdProblem(plan.vault.id),
        plan.vault.kind === 'new' && plan.vault.softDeleteRetentionInDays !== undefined ? retentionProblem(plan.vault.softDeleteRetentionInDays) : undefined,
        keyNameProblem(plan.key.name),
        plan.key.kind === 'new' && plan.key.keySize !== undefined ? keySizeProblem(plan.key.keySize) : undefined,
        plan.key.kind === 'new' && plan.key.keyType === 'RSA-HSM' && plan.vault.kind === 'new' && plan.vault.sku !== 'premium'
            ? new DomainError('HsmKeyNeedsPremiumVault', { vault: plan.vault.name })
            : undefined,
    ];
    return problems.filter((p): p is DomainError => p !== undefined);
}

function resourceIdProblem(id: string): DomainError | undefined {
    try {
        parseResourceId(id);
        return undefined;
    } catch (error) {
        return error as DomainError;
    }
}
