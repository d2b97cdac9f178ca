import { registryJournals } from '../../../src/commands/rotateAllUsingKey/registryJournals';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { CreatePlan } from '../../../src/domain/create/CreatePlan';
import { registryId } from '../../../src/domain/create/CreatePlan';
import { executeCreate } from '../../../src/domain/create/executeCreate';
import { planFleetRotation } from '../../../src/domain/fleet/rotateAll/planFleetRotation';
import { runFleetRotation } from '../../../src/domain/fleet/rotateAll/runFleetRotation';
import { journalRotationPlan } from '../../../src/domain/recovery/recoverRotation';
import { RunJournal } from '../../../src/domain/engine/RunJournal';
import type { JournalStore } from '../../../src/domain/engine/JournalStore';
import { parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { planRestore, runRestore } from '../../../src/domain/restore/restoreKeyAccess';
import { planRevoke, runRevoke } from '../../../src/domain/revoke/revokeKeyAccess';
import type { RevocationStore } from '../../../src/domain/revoke/RevocationRecord';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import { runRotation } from '../../../src/domain/rotate/runRotation';
import { useSystemIdentityRequest } from '../../../src/domain/systemIdentity/useSystemIdentityRequest';

/** The journaled flows the interruption tests cut off: each runs one flow exactly as the extension's commands do. */
export type ScenarioName = 'create' | 'systemIdentity' | 'newVersionPinned' | 'revoke' | 'restore' | 'rotateAll';

export interface ScenarioInput {
    readonly scenario: ScenarioName;
    readonly registryId?: string;
    /** Rotate All: the registries sharing the key, in the order the run changes them. */
    readonly registryIds?: string[];
    readonly createPlan?: CreatePlan;
    readonly subscriptionIds: string[];
}

export async function runScenario(factory: AzureClientFactory, input: ScenarioInput, journals: JournalStore, revocations: RevocationStore): Promise<void> {
    switch (input.scenario) {
        case 'create': {
            const plan = input.createPlan!;
            const journal = await RunJournal.begin(journals, {
                flow: 'create',
                command: 'createEncryptedRegistry',
                registryId: registryId(plan),
                registryName: plan.registry.name,
                subscriptionId: plan.subscriptionId,
                plan,
            });
            await executeCreate(factory, plan, { journal });
            await journal.finish();
            return;
        }
        case 'systemIdentity':
        case 'newVersionPinned': {
            const registry = await getRegistry(factory, input.registryId!);
            const request =
                input.scenario === 'systemIdentity'
                    ? useSystemIdentityRequest(registry, { removePreviousIdentityAccess: false })
                    : {
                          registryId: registry.id,
                          key: { kind: 'newVersion' as const },
                          versionless: false,
                          identity: { kind: 'keep' as const },
                          consent: {},
                          subscriptionIds: input.subscriptionIds,
                      };
            const plan = await planRotation(factory, request);
            const journal = await RunJournal.begin(journals, {
                flow: 'rotate',
                command: input.scenario === 'systemIdentity' ? 'useSystemIdentity' : 'rotateKey',
                registryId: registry.id,
                registryName: registry.name,
                subscriptionId: registry.subscriptionId,
                plan: journalRotationPlan(plan),
            });
            await runRotation(factory, plan, undefined, { journal, runId: journal.current.id });
            await journal.finish();
            return;
        }
        case 'revoke': {
            const plan = await planRevoke(factory, { registryId: input.registryId!, method: { kind: 'removeAccess' }, subscriptionIds: input.subscriptionIds });
            const registry = plan.target.registry;
            const journal = await RunJournal.begin(journals, {
                flow: 'revoke',
                command: 'revokeKeyAccess',
                registryId: registry.id,
                registryName: registry.name,
                subscriptionId: registry.subscriptionId,
                plan,
            });
            await runRevoke(factory, plan, revocations, registry.name, new Date(), journal);
            await journal.finish();
            return;
        }
        case 'rotateAll': {
            // Every registry pinned to one new version of the key they share; one registry at a time, so a crash at the
            // second one finds the first done and the third not reached.
            const first = await getRegistry(factory, input.registryIds![0]!);
            const keyId = first.raw.encryption!.keyVaultProperties!.keyIdentifier!;
            const key = { ...parseKeyIdentifier(keyId, factory.cloud), version: undefined };
            const registries = input.registryIds!.map((id) => ({ id, name: id.split('/').pop()! }));
            const plan = await planFleetRotation(factory, {
                key,
                registries,
                target: { kind: 'newVersion' },
                versionless: false,
                subscriptionIds: input.subscriptionIds,
            });
            await runFleetRotation(factory, plan, { beginJournal: registryJournals({ journal: journals }, 'rotateAllUsingKey'), concurrency: 1 });
            return;
        }
        case 'restore': {
            const plan = await planRestore(factory, input.registryId!, revocations, input.subscriptionIds);
            const registry = plan.target.registry;
            const journal = await RunJournal.begin(journals, {
                flow: 'restore',
                command: 'restoreKeyAccess',
                registryId: registry.id,
                registryName: registry.name,
                subscriptionId: registry.subscriptionId,
                plan,
            });
            await runRestore(factory, plan, revocations, journal);
            await journal.finish();
            return;
        }
    }
}
