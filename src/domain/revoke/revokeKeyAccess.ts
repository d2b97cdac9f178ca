import { beforeAnyChange } from '../checkPhase';
import { hasEncryptionAccess, removeGrant } from '../access/encryptionAccess';
import { findEncryptionGrants } from '../access/findEncryptionGrants';
import { getVault } from '../access/getVault';
import type { GrantRecord } from '../access/GrantRecord';
import { listKeyVersionStates, lookUpKey, setKeyVersionEnabled } from '../access/keyState';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { formatKeyIdentifier } from '../keys/keyIdentifier';
import { resolveEncryptionTarget, type EncryptionTarget } from './encryptionTarget';
import { findAffectedRegistries, type AffectedRegistry } from './sharedAccess';
import { revokedChanges } from './revokedItems';
import { mergeRevocations, type RevocationRecord, type RevocationStore } from './RevocationRecord';
import { noJournal, type StepJournal } from '../engine/RunJournal';
import { grantStepName } from './grantStepName';
import { runChanges, type Change } from '../engine/runChange';

/** How to cut a registry off its key: take the identity's access away, or disable the key (the version in use, or every version). */
export type RevokeMethod = { readonly kind: 'removeAccess' } | { readonly kind: 'disableKey'; readonly versions: 'inUse' | 'all' };

export interface RevokeRequest {
    readonly registryId: string;
    readonly method: RevokeMethod;
    readonly subscriptionIds?: readonly string[];
    /** The registry name as the user typed it to confirm: the revocation refuses anything else. */
    readonly confirmRegistryName: string;
}

export interface RevokePlan {
    readonly target: EncryptionTarget;
    readonly method: RevokeMethod;
    readonly grants: readonly GrantRecord[];
    readonly versions: readonly string[];
    /** Other registries (in the subscriptions searched) that the same removal takes off their key. */
    readonly affected: readonly AffectedRegistry[];
}

export interface RevokeResult {
    readonly record: RevocationRecord;
    /** Access still comes from a grant outside the vault scope after the removal (then only disabling the key cuts it). */
    readonly accessRemains: boolean;
}

/** Reads what would be revoked, changing nothing: the encryption grants at vault scope, or the enabled key versions. */
export function planRevoke(factory: AzureClientFactory, request: Omit<RevokeRequest, 'confirmRegistryName'>): Promise<RevokePlan> {
    return beforeAnyChange('revokePlan', () => readAndPlanRevoke(factory, request));
}

async function readAndPlanRevoke(factory: AzureClientFactory, request: Omit<RevokeRequest, 'confirmRegistryName'>): Promise<RevokePlan> {
    const target = await resolveEncryptionTarget(factory, request.registryId, request.subscriptionIds);
    const { registry, vault } = target;
    if (request.method.kind === 'removeAccess') {
        if (!target.principalId) {
            throw new DomainError('EncryptionPrincipalUnknown', { registry: registry.name });
        }
        const grants = await findEncryptionGrants(factory, vault, target.principalId);
        if (grants.length === 0) {
            const viaOtherGrant = await hasEncryptionAccess(factory, vault, target.principalId);
            throw new DomainError(viaOtherGrant ? 'RevokeGrantOutsideVault' : 'RevokeNothingToRemove', { registry: registry.name, vault: vault.name });
        }
        const affected = await findAffectedRegistries(factory, target, { kind: 'grant', principalId: target.principalId });
        return { target, method: request.method, grants, versions: [], affected };
    }
    const versions = await enabledVersions(factory, target, request.method.versions);
    if (versions.length === 0) {
        throw new DomainError('RevokeNothingToRemove', { registry: registry.name, vault: vault.name });
    }
    const affected = await findAffectedRegistries(factory, target, { kind: 'versions', versions });
    return { target, method: request.method, grants: [], versions, affected };
}

async function enabledVersions(factory: AzureClientFactory, target: EncryptionTarget, which: 'inUse' | 'all'): Promise<string[]> {
    if (which === 'all') {
        return (await listKeyVersionStates(factory, target.key)).filter((version) => version.enabled).map((version) => version.version);
    }
    const inUse = await lookUpKey(factory, target.key, target.state.currentVersion);
    if (inUse.kind !== 'found') {
        throw new DomainError('KeyNotFound', { key: target.key.keyName, vault: target.vault.name });
    }
    return inUse.state.enabled ? [inUse.state.version] : [];
}

/**
 * Revokes, refusing unless the typed name matches the registry. Every removal is remembered as soon as it is
 * done, so a failure half-way still leaves Restore a record of exactly what was taken away.
 */
export async function runRevoke(
    factory: AzureClientFactory,
    plan: RevokePlan,
    store: RevocationStore,
    confirmRegistryName: string,
    now = new Date(),
    journal: StepJournal = noJournal,
): Promise<RevokeResult> {
    const { registry, vault } = plan.target;
    if (confirmRegistryName.trim() !== registry.name) {
        throw new DomainError('RevokeConfirmationMismatch', { typed: confirmRegistryName, registry: registry.name });
    }
    const earlier = store.get(registry.id);
    let done: RevocationRecord = {
        registryId: registry.id,
        registryName: registry.name,
        revokedAt: now.toISOString(),
        vaultId: vault.id,
        keyId: formatKeyIdentifier(plan.target.key),
        removedGrants: [],
        disabledVersions: [],
    };
    const remember = async (change: Partial<Pick<RevocationRecord, 'removedGrants' | 'disabledVersions'>>) => {
        done = {
            ...done,
            removedGrants: [...done.removedGrants, ...(change.removedGrants ?? [])],
            disabledVersions: [...done.disabledVersions, ...(change.disabledVersions ?? [])],
        };
        await store.save(mergeRevocations(earlier, done));
    };
    // Every removal is a change of the one runner; the record is saved before the journal hears it is done.
    const changes: Change[] = [
        ...plan.grants.map((grant): Change => ({
            step: grantStepName('removeGrant', grant),
            run: async () => {
                await removeGrant(factory, vault, grant);
                await remember({ removedGrants: [grant] });
            },
        })),
        ...plan.versions.map((version): Change => ({
            step: `disableVersion:${version}`,
            run: async () => {
                await setKeyVersionEnabled(factory, plan.target.key, version, false);
                await remember({ disabledVersions: [version] });
            },
        })),
    ];
    await runChanges(
        {
            journal,
            completed: [],
            state: () => done,
            failed: (_step, error) =>
                new DomainError('RevokeStepFailed', {
                    registry: registry.name,
                    cause: (error as Error).message ?? String(error),
                    done: revokedChanges(done, vault.name, plan.target.key.keyName),
                }),
        },
        changes,
    );
    const record = mergeRevocations(earlier, done);
    const accessRemains =
        plan.grants.length > 0 && !!plan.target.principalId && (await hasEncryptionAccess(factory, await getVault(factory, vault.id), plan.target.principalId));
    return { record, accessRemains };
}
