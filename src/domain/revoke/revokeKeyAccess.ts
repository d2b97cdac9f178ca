import { beforeAnyChange } from '../checkPhase';
import { hasEncryptionAccess, removeGrant } from '../access/encryptionAccess';
import { findEncryptionGrants } from '../access/findEncryptionGrants';
import { getVault } from '../access/getVault';
import type { GrantRecord } from '../access/GrantRecord';
import { listKeyVersionStates, lookUpKey, setKeyVersionEnabled, type KeyLookup, type KeyVersionState } from '../access/keyState';
import type { RegistrySummary } from '../registries/RegistryEncryption';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { formatKeyIdentifier } from '../keys/keyIdentifier';
import { inUseVersion, resolveEncryptionTarget, type EncryptionTarget } from './encryptionTarget';
import { affectedRegistries, listRegistriesIn, type AffectedRegistry } from './sharedAccess';
import { keyAccessFailure, revokedChanges } from './revokedItems';
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
export async function planRevoke(factory: AzureClientFactory, request: RevokeRequest): Promise<RevokePlan> {
    return decideRevoke(await readRevokeFacts(factory, request), request.method);
}

/** What Azure says, read once for a revocation: everything `decideRevoke` needs. */
export interface RevokeFacts {
    readonly target: EncryptionTarget;
    /** Removing access: the identity's encryption grants at vault scope (not read when its principal is unknown). */
    readonly grants?: readonly GrantRecord[];
    /** Removing access without a grant at vault scope: whether the identity has the access anyway (a wider scope). */
    readonly accessOutsideVault?: boolean;
    /** Disabling the key: every version ('all'), or the one in use as looked up ('inUse'). */
    readonly versions?: readonly Pick<KeyVersionState, 'version' | 'enabled'>[] | KeyLookup;
    /** The registries of the subscriptions searched (read only when there is something to take away). */
    readonly registries: readonly RegistrySummary[];
}

/** The reads, in order; they stop at a refusal (the decision's own), so a refused revocation lists no registries. */
export function readRevokeFacts(factory: AzureClientFactory, request: RevokeRequest): Promise<RevokeFacts> {
    return beforeAnyChange('revokePlan', async () => {
        const target = await resolveEncryptionTarget(factory, request.registryId, request.subscriptionIds);
        const facts = { target, registries: [], ...(await readCut(factory, target, request.method)) };
        decideRevoke(facts, request.method);
        return { ...facts, registries: await listRegistriesIn(factory, target.subscriptionIds) };
    });
}

async function readCut(factory: AzureClientFactory, target: EncryptionTarget, method: RevokeMethod): Promise<Omit<RevokeFacts, 'target' | 'registries'>> {
    if (method.kind === 'removeAccess') {
        if (!target.principalId) {
            return {};
        }
        const grants = await findEncryptionGrants(factory, target.vault, target.principalId);
        return grants.length > 0 ? { grants } : { grants, accessOutsideVault: await hasEncryptionAccess(factory, target.vault, target.principalId) };
    }
    if (method.versions === 'all') {
        return { versions: await listKeyVersionStates(factory, target.key) };
    }
    return { versions: await lookUpKey(factory, target.key, target.state.currentVersion) };
}

/** The decision, from facts alone: the grants removed or the versions disabled, the other registries cut off with them, or a refusal. */
export function decideRevoke(facts: RevokeFacts, method: RevokeMethod): RevokePlan {
    const { target } = facts;
    const { registry, vault, principalId } = target;
    if (method.kind === 'removeAccess') {
        if (!principalId) {
            throw new DomainError('EncryptionPrincipalUnknown', { registry: registry.name });
        }
        if (!facts.grants?.length) {
            throw new DomainError(facts.accessOutsideVault ? 'RevokeGrantOutsideVault' : 'RevokeNothingToRemove', {
                registry: registry.name,
                vault: vault.name,
            });
        }
        const affected = affectedRegistries(facts.registries, target, { kind: 'grant', principalId });
        return { target, method, grants: facts.grants, versions: [], affected };
    }
    const states = facts.versions && 'kind' in facts.versions ? [inUseVersion(target, facts.versions)] : (facts.versions ?? []);
    const versions = states.filter((version) => version.enabled).map((version) => version.version);
    if (versions.length === 0) {
        throw new DomainError('RevokeNothingToRemove', { registry: registry.name, vault: vault.name });
    }
    return { target, method, grants: [], versions, affected: affectedRegistries(facts.registries, target, { kind: 'versions', versions }) };
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
    const remember = async (change: Partial<RevocationRecord>) => {
        done = { ...done, ...change };
        await store.save(mergeRevocations(earlier, done));
    };
    // Every removal is a change of the one runner; the record is saved before the journal hears it is done.
    const changes: Change[] = [
        ...plan.grants.map((grant): Change => ({
            step: grantStepName('removeGrant', grant),
            run: async () => {
                await removeGrant(factory, vault, grant);
                await remember({ removedGrants: [...done.removedGrants, grant] });
            },
        })),
        ...plan.versions.map((version): Change => ({
            step: `disableVersion:${version}`,
            run: async () => {
                await setKeyVersionEnabled(factory, plan.target.key, version, false);
                await remember({ disabledVersions: [...done.disabledVersions, version] });
            },
        })),
    ];
    const failed = keyAccessFailure('revoke', registry.name, () => revokedChanges(done, vault.name, plan.target.key.keyName));
    await runChanges({ journal, completed: [], state: () => done, failed }, changes);
    const record = mergeRevocations(earlier, done);
    const accessRemains =
        plan.grants.length > 0 && !!plan.target.principalId && (await hasEncryptionAccess(factory, await getVault(factory, vault.id), plan.target.principalId));
    return { record, accessRemains };
}
