import type { GrantRecord } from '../access/GrantRecord';
import type { VaultInfo } from '../access/VaultInfo';
import type { CreateStepId } from './CreatePlan';

/**
 * What one run has made or found so far. It is the input of a retry (steps whose output is here are
 * skipped) and of cleanup (only `createdByRun` things are deleted).
 */
export interface CreateRunState {
    resourceGroup?: { readonly id: string; readonly createdByRun: boolean };
    identity?: { readonly id: string; readonly name: string; readonly principalId: string; readonly clientId: string; readonly createdByRun: boolean };
    vault?: { info: VaultInfo; readonly createdByRun: boolean };
    /** Purge protection turned on by this run (irreversible: cleanup cannot undo it). */
    purgeProtectionEnabledByRun?: boolean;
    keyManagementGrant?: GrantRecord;
    encryptionGrant?: GrantRecord;
    key?: { readonly versionedId: string; readonly name: string; readonly version: string; readonly keyIdentifier: string; readonly createdByRun: boolean };
    registry?: { readonly id: string; readonly loginServer?: string; readonly createdByRun: boolean; readonly succeeded: boolean };
    readonly completed: CreateStepId[];
}

export function emptyRunState(): CreateRunState {
    return { completed: [] };
}

/** One thing that exists after (part of) a run. */
export interface ExistingResource {
    readonly kind: 'resourceGroup' | 'identity' | 'vault' | 'accessPolicy' | 'roleAssignment' | 'key' | 'registry';
    readonly id: string;
    readonly createdByRun: boolean;
    /** For grants: what was granted (permissions or role definition id). */
    readonly detail?: string;
}

/** The exact list of what exists, in creation order, split by who made it. */
export function describeResources(state: CreateRunState): { created: ExistingResource[]; preExisting: ExistingResource[] } {
    const all: ExistingResource[] = [];
    const push = (kind: ExistingResource['kind'], id: string | undefined, createdByRun: boolean | undefined, detail?: string): void => {
        if (id) {
            all.push({ kind, id, createdByRun: createdByRun === true, ...(detail ? { detail } : {}) });
        }
    };
    push('resourceGroup', state.resourceGroup?.id, state.resourceGroup?.createdByRun);
    push('identity', state.identity?.id, state.identity?.createdByRun);
    push('vault', state.vault?.info.id, state.vault?.createdByRun);
    for (const grant of [state.keyManagementGrant, state.encryptionGrant]) {
        if (grant?.kind === 'accessPolicy' && state.vault) {
            push('accessPolicy', `${state.vault.info.id}/accessPolicies/${grant.objectId}`, true, grant.permissions.join(','));
        } else if (grant?.kind === 'roleAssignment') {
            push('roleAssignment', grant.id, true, grant.roleDefinitionId);
        }
    }
    push('key', state.key?.versionedId, state.key?.createdByRun);
    push('registry', state.registry?.id, state.registry?.createdByRun);
    return { created: all.filter((r) => r.createdByRun), preExisting: all.filter((r) => !r.createdByRun) };
}
