import type { ResourceRef } from '../util/resourceId';
import type { RsaKeySize } from './names';

/** Everything the create flow will do, decided before the first change (the wizard fills it; tests and the API pass it whole). */
export interface CreatePlan {
    readonly subscriptionId: string;
    readonly location: string;
    readonly resourceGroup: { readonly name: string; readonly create: boolean };
    /** Only Premium registries support customer-managed keys; another SKU is refused before any request. */
    readonly registry: { readonly name: string; readonly sku?: string };
    readonly identity: { readonly kind: 'new'; readonly name: string } | { readonly kind: 'existing'; readonly id: string };
    readonly vault: NewVaultPlan | ExistingVaultPlan;
    readonly key: NewKeyPlan | ExistingKeyPlan;
    /** Versionless key id: the registry follows new key versions (automatic rotation). Pinned: this exact version. */
    readonly versionless: boolean;
    /** Directory of new vaults; defaults to the tenant of the signed-in token. */
    readonly tenantId?: string;
}

export interface NewVaultPlan {
    readonly kind: 'new';
    readonly name: string;
    /** 7–90 days, default 90. Soft delete and purge protection are always on for a new vault. */
    readonly softDeleteRetentionInDays?: number;
    readonly sku?: 'standard' | 'premium';
    /** Access policies (like the seed) or Azure RBAC. */
    readonly permissionModel?: 'accessPolicy' | 'rbac';
}

export interface ExistingVaultPlan {
    readonly kind: 'existing';
    readonly id: string;
    /** The user agreed to turn on purge protection (irreversible) when the vault lacks it. */
    readonly enablePurgeProtection?: boolean;
}

export interface NewKeyPlan {
    readonly kind: 'new';
    readonly name: string;
    readonly keyType?: 'RSA' | 'RSA-HSM';
    readonly keySize?: RsaKeySize;
}
export interface ExistingKeyPlan {
    readonly kind: 'existing';
    readonly name: string;
    readonly version?: string;
}

const phases = [['resourceGroup'], ['identity', 'vault'], ['vaultProtection', 'keyManagementAccess'], ['encryptionAccess', 'key'], ['registry']] as const;
export type CreateStepId = (typeof phases)[number][number];
/** The steps in execution order, by phase: the steps of one phase run concurrently. */
export const createPhases: readonly (readonly CreateStepId[])[] = phases;
export const createStepIds: readonly CreateStepId[] = createPhases.flat();

export function resourceGroupId(plan: Pick<CreatePlan, 'subscriptionId' | 'resourceGroup'>): string {
    return `/subscriptions/${plan.subscriptionId}/resourceGroups/${plan.resourceGroup.name}`;
}

export function registryId(plan: Pick<CreatePlan, 'subscriptionId' | 'resourceGroup' | 'registry'>): string {
    return `${resourceGroupId(plan)}/providers/Microsoft.ContainerRegistry/registries/${plan.registry.name}`;
}

/** Something the plan names in its own resource group (a new identity or vault, the registry). */
export function inPlanGroup(plan: Pick<CreatePlan, 'subscriptionId' | 'resourceGroup'>, name: string): ResourceRef {
    return { subscriptionId: plan.subscriptionId, resourceGroup: plan.resourceGroup.name, name };
}
