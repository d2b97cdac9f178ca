import { beforeAnyChange } from '../checkPhase';
import { grantEncryptionAccess, hasEncryptionAccess } from '../access/encryptionAccess';
import { getVault } from '../access/getVault';
import type { GrantRecord } from '../access/GrantRecord';
import { lookUpKey, recoverDeletedKey, setKeyVersionEnabled, type KeyLookup } from '../access/keyState';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { inUseVersion, resolveEncryptionTarget, type EncryptionTarget } from '../revoke/encryptionTarget';
import { keyAccessFailure, type KeyAccessChange } from '../revoke/revokedItems';
import type { RevocationRecord, RevocationStore } from '../revoke/RevocationRecord';
import { regrant } from './regrant';
import { noJournal, type StepJournal } from '../engine/RunJournal';
import { grantStepName } from '../revoke/grantStepName';
import { runChanges, type Change, type ChangeRun } from '../engine/runChange';

/**
 * What Restore will do. With a revocation record: exactly its grants and key versions. Without one: what the
 * registry's encryption needs, derived from its identity and key (get/wrapKey/unwrapKey or the crypto-service
 * role, and the version in use enabled). A soft-deleted key is recovered first in both cases.
 */
export interface RestorePlan {
    readonly target: EncryptionTarget;
    readonly record?: RevocationRecord;
    readonly recoverKey: boolean;
    readonly grants: readonly GrantRecord[] | 'derive';
    readonly versions: readonly string[] | 'inUse';
}

export interface RestoreResult {
    readonly recoveredKey: boolean;
    readonly grants: readonly GrantRecord[];
    readonly enabledVersions: readonly string[];
    readonly fromRecord: boolean;
}

export async function planRestore(...read: Parameters<typeof readRestoreFacts>): Promise<RestorePlan> {
    return decideRestore(await readRestoreFacts(...read));
}

/** What Azure (and the revocation store) say, read once for a restore: everything `decideRestore` needs. */
export interface RestoreFacts {
    readonly target: EncryptionTarget;
    /** The key (its latest version): there, soft-deleted (recoverable) or purged. */
    readonly key: KeyLookup['kind'];
    /** What a revocation of this registry took away, if this extension made one. */
    readonly record?: RevocationRecord;
}

export function readRestoreFacts(
    factory: AzureClientFactory,
    registryId: string,
    store: RevocationStore,
    subscriptionIds: readonly string[] = [],
): Promise<RestoreFacts> {
    return beforeAnyChange('restorePlan', async () => {
        const target = await resolveEncryptionTarget(factory, registryId, subscriptionIds);
        const latest = await lookUpKey(factory, { ...target.key, version: undefined });
        return { target, key: latest.kind, record: store.get(target.registry.id) };
    });
}

/** The decision, from facts alone: the record's grants and versions, or what the encryption needs; a soft-deleted key recovered first. */
export function decideRestore({ target, key, record }: RestoreFacts): RestorePlan {
    if (key === 'missing') {
        throw new DomainError('KeyPurged', { key: target.key.keyName, vault: target.vault.name });
    }
    return {
        target,
        record,
        recoverKey: key === 'softDeleted',
        grants: record ? record.removedGrants : 'derive',
        versions: record ? record.disabledVersions : 'inUse',
    };
}

export async function runRestore(
    factory: AzureClientFactory,
    plan: RestorePlan,
    store: RevocationStore,
    journal: StepJournal = noJournal,
): Promise<RestoreResult> {
    const { target } = plan;
    const done: KeyAccessChange[] = [];
    const result = { recoveredKey: false, grants: [] as GrantRecord[], enabledVersions: [] as string[], fromRecord: !!plan.record };
    const restored = (grant: GrantRecord) => {
        result.grants.push(grant);
        done.push({ kind: 'grant', grant, vault: target.vault.name });
    };
    // Every change goes through the one runner; the key is recovered first (its versions cannot be read while deleted).
    const run: ChangeRun = { journal, completed: [], state: () => result, failed: keyAccessFailure('restore', target.registry.name, () => done) };
    const recover: Change = {
        step: 'recoverKey',
        run: async () => {
            await recoverDeletedKey(factory, target.key);
            result.recoveredKey = true;
            done.push({ kind: 'recoveredKey', key: target.key.keyName });
        },
    };
    const grants: Change[] =
        plan.grants === 'derive'
            ? [{ step: 'grantDerived', run: async () => (await grantDerivedAccess(factory, plan)).forEach(restored) }]
            : plan.grants.map((grant) => ({
                  step: grantStepName('regrant', grant),
                  run: async () => {
                      await regrant(factory, target.vault, grant);
                      restored(grant);
                  },
              }));
    await runChanges(run, [...(plan.recoverKey ? [recover] : []), ...grants]);
    const versions = await versionsToEnable(factory, plan).catch(async (error: unknown) => {
        throw await run.failed('enableVersion', error, run.completed);
    });
    await runChanges(
        run,
        versions.map((version): Change => ({
            step: `enableVersion:${version}`,
            run: async () => {
                await setKeyVersionEnabled(factory, target.key, version, true);
                result.enabledVersions.push(version);
                done.push({ kind: 'version', key: target.key.keyName, version });
            },
        })),
    );
    await store.delete(target.registry.id);
    return result;
}

/** Without a record: grants the identity only the encryption access it is missing, and returns what was added. */
async function grantDerivedAccess(factory: AzureClientFactory, plan: RestorePlan): Promise<GrantRecord[]> {
    const { principalId, registry } = plan.target;
    if (!principalId) {
        throw new DomainError('EncryptionPrincipalUnknown', { registry: registry.name });
    }
    const vault = await getVault(factory, plan.target.vault.id);
    if (await hasEncryptionAccess(factory, vault, principalId)) {
        return [];
    }
    const grant = await grantEncryptionAccess(factory, vault, principalId);
    return grant.kind === 'none' ? [] : [grant];
}

async function versionsToEnable(factory: AzureClientFactory, plan: RestorePlan): Promise<readonly string[]> {
    if (plan.versions !== 'inUse') {
        return plan.versions;
    }
    // Read during the run, not in the plan: a soft-deleted key's versions can be read only once it is recovered.
    const inUse = inUseVersion(plan.target, await lookUpKey(factory, plan.target.key, plan.target.state.currentVersion));
    return inUse.enabled ? [] : [inUse.version];
}
