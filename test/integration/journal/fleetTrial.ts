import * as assert from 'node:assert/strict';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { isDomainError } from '../../../src/domain/errors';
import { canCleanUp, type JournalEntry } from '../../../src/domain/engine/JournalEntry';
import { cleanUpRun, previewCleanUp, resumeRun, type RecoveryStores } from '../../../src/domain/recovery/recoverRun';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { setupOf, type SeededWorld } from '../diagnose/seededWorld';
import type { CrashPoint } from './crashChild';
import { keyVersions, worldSnapshot } from './worldSnapshot';

// Rotate All cut off: every registry the run changes has its own journal from before the run's first change, so the
// next start offers each one it had not finished — the one cut off and those it never reached — for Resume or Clean Up.

/** Three seeded registries on one key (RBAC vault, one user-assigned identity, pinned versions), by name. */
export async function registriesSharingKey(world: SeededWorld): Promise<RegistrySummary[]> {
    const keyOf = (registry: RegistrySummary) =>
        (registry.raw.encryption?.keyVaultProperties?.keyIdentifier ?? '').toLowerCase().split('/').slice(0, 5).join('/');
    const pinned = (await world.registries()).filter((registry) => setupOf(registry) === 'rbacUser').sort((a, b) => a.name.localeCompare(b.name));
    const sharing = pinned.filter((registry) => keyOf(registry) === keyOf(pinned[0]!));
    assert.ok(
        sharing.length >= 3,
        `the seeded world has three registries on key ${keyOf(pinned[0]!)}, found ${sharing.map((registry) => registry.name).join(', ')}`,
    );
    return sharing.slice(0, 3);
}

/** The registries a run cut off at `crash` leaves unfinished: all at the shared key version; at a switch, the one cut off and those after it. */
export function expectedInterrupted(registryIds: readonly string[], crash: CrashPoint): string[] {
    return crash.step === 'switchEncryption' ? registryIds.slice((crash.registry ?? 1) - 1) : [...registryIds];
}

/**
 * What the user does with each notification: Resume, or Clean Up where it is offered — where only Resume is (the
 * registry already uses its new key) that is what is left to choose. Returns the registries cleaned up.
 */
export async function recoverFleet(
    factory: AzureClientFactory,
    entries: readonly JournalEntry[],
    stores: RecoveryStores,
    action: 'resume' | 'cleanUp',
): Promise<string[]> {
    const cleaned: string[] = [];
    for (const entry of entries) {
        if (action === 'resume' || !canCleanUp(entry)) {
            await resumeRun(factory, entry, stores);
            continue;
        }
        try {
            await cleanUpRun(factory, await previewCleanUp(factory, entry), stores);
            cleaned.push(entry.registryId);
        } catch (error) {
            // The switch was in flight and landed: only Resume is right for this registry.
            assert.ok(isDomainError(error) && error.code === 'CleanUpAfterSwitch', String(error));
            await resumeRun(factory, entry, stores);
        }
    }
    return cleaned;
}

/**
 * Every registry not cleaned up is pinned to the one version the run made and reaches it; those cleaned up are as they
 * were, and nothing else in the world changed (no grant, identity or registry setting left behind, no second version).
 */
export async function expectFleetRecovered(world: SeededWorld, registryIds: readonly string[], before: unknown, cleaned: readonly string[]): Promise<void> {
    const after = await world.admin.state();
    const newVersions = keyVersions(after).filter((version) => !keyVersions(before).includes(version));
    const rotated = registryIds.filter((id) => !cleaned.includes(id));
    assert.ok(newVersions.length <= 1, `at most one new key version: ${newVersions.join(', ')}`);
    const names: string[] = [];
    for (const id of rotated) {
        const registry = await getRegistry(world.factory, id);
        names.push(registry.name);
        assert.equal(newVersions.length, 1, 'a registry was rotated: to the version the run made');
        assert.match(
            registry.raw.encryption?.keyVaultProperties?.keyIdentifier ?? '',
            new RegExp(`/${newVersions[0]!.split('/').pop()}$`),
            `${registry.name} is pinned to the version the run made`,
        );
        assert.equal((await world.admin.keyAccess(id)).accessible, true, `${registry.name} reaches its key`);
    }
    const others = (snapshot: ReturnType<typeof worldSnapshot>) => ({
        ...snapshot,
        registries: snapshot.registries.filter((line) => !names.includes(line.split('|')[0]!)),
    });
    assert.deepEqual(
        others(worldSnapshot(after, { ignoreKeys: true })),
        others(worldSnapshot(before, { ignoreKeys: true })),
        'the rest of the world as it was before the run',
    );
}
