// Wizard branches in the real extension host, each prompt answered in order (runCommandWithInputs): the create flow's existing/RBAC/purge-protection/EC/name-taken branches and the rotate flow's key,
// version-mode and identity branches. Each outcome is read back from the emulator (`/_emulator/state`, `key-access`).
// Registry names start with "d": after the sample's "contoso…" ones, before the create suite's "e2ecmk…", so the
// UI suites that take the first or the last CMK registry by name are not handed one of these.
import * as assert from 'node:assert/strict';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { dismiss, runCommandWithInputs, type CommandInput, type ModalQuestion } from './commandInputs';
import { creation } from './createInputs';
import { activateExtension, type AcrCmkTestApi } from './extensionApi';
import { rotation } from './rotationInputs';
import {
    encryptionUserRole,
    keyAccessOf,
    policiesOn,
    registryIn,
    registryWithOwnIdentity,
    securityGroup,
    setupFactory,
    stateNow,
    withShownErrors,
    type SecurityGroup,
} from './wizardBranchesWorld';

const suffix = Date.now().toString(36).slice(-5);
/** Create Registry with these answers to its prompts, in order (`onModal` sees each modal question). */
const create = (inputs: CommandInput[], onModal?: (question: ModalQuestion) => void) =>
    runCommandWithInputs<string>('acrCmk.createEncryptedRegistry', [], inputs, { onModal });
/** Rotate Key with these answers to its prompts, in order, then the final confirmation. */
const rotate = (registryId: string, inputs: CommandInput[]) => runCommandWithInputs('acrCmk.rotateKey', [registryId], [...inputs, rotation.confirm]);

describe('wizard branches with scripted answers (real extension host)', function () {
    this.timeout(180000);
    let api: AcrCmkTestApi;
    let factory: AzureClientFactory;
    let home: SecurityGroup;
    let away: SecurityGroup;

    before(async () => {
        api = await activateExtension();
        factory = await setupFactory();
        const state = await stateNow();
        home = securityGroup(state, factory, 0);
        away = securityGroup(state, factory, 1);
        assert.ok(home.identities.length >= 2, 'the sample world has two identities per security group');
    });

    describe('Create Registry with Customer-Managed Key', () => {
        it('existing identity + existing vault + existing key (pinned): uses them and adds no grant', async () => {
            const [identity] = home.identities;
            const key = await (await factory.keys(home.accessPolicyVault.uri)).getKey('cmk-key-2');
            const before = await stateNow();
            // Pinned to the key's current version, the one read here.
            const registryId = await create([
                home.subscriptionId,
                home.group,
                `dwbexist${suffix}`,
                identity!.name,
                home.accessPolicyVault.name,
                'cmk-key-2',
                creation.pinned,
                creation.confirm,
            ]);
            assert.ok(registryId, 'the command returned the new registry id');
            const after = await stateNow();
            const kvp = registryIn(after, registryId)?.encryption.keyVaultProperties;
            assert.equal(kvp?.keyIdentifier, key.id, 'pinned to the chosen version');
            assert.equal(kvp?.identity, identity!.clientId);
            assert.deepEqual(
                Object.keys(registryIn(after, registryId)?.identity?.userAssignedIdentities ?? {}).map((id) => id.toLowerCase()),
                [identity!.id.toLowerCase()],
            );
            assert.deepEqual(
                policiesOn(after, home.accessPolicyVault.id),
                policiesOn(before, home.accessPolicyVault.id),
                'the identity already had get/wrapKey/unwrapKey',
            );
            assert.equal(Object.keys(after.identities).length, Object.keys(before.identities).length, 'no identity created');
            assert.equal(Object.keys(after.vaults).length, Object.keys(before.vaults).length, 'no vault created');
            assert.equal((await keyAccessOf(registryId)).accessible, true);
        });

        it('RBAC vault: the new identity gets "Key Vault Crypto Service Encryption User" at vault scope, no access policy', async () => {
            const identityName = `id-dwb-rbac-${suffix}`;
            const registryId = await create([
                home.subscriptionId,
                home.group,
                `dwbrbac${suffix}`,
                creation.newIdentity,
                identityName,
                home.rbacVault.name,
                'cmk-key-1',
                creation.versionless,
                creation.confirm,
            ]);
            assert.ok(registryId, 'the command returned the new registry id');
            const state = await stateNow();
            const identity = Object.values(state.identities).find((i) => i.name === identityName);
            assert.ok(identity, 'the new identity exists');
            const roles = Object.values(state.roleAssignments).filter((a) => a.principalId.toLowerCase() === identity.principalId.toLowerCase());
            assert.deepEqual(
                roles.map((a) => [a.scope.toLowerCase(), a.roleDefinitionId.split('/').pop()]),
                [[home.rbacVault.id.toLowerCase(), encryptionUserRole]],
            );
            assert.deepEqual(state.vaults[home.rbacVault.id.toLowerCase()]!.properties.accessPolicies, []);
            const kvp = registryIn(state, registryId)?.encryption.keyVaultProperties;
            assert.equal(kvp?.keyIdentifier, `${home.rbacVault.uri}/keys/cmk-key-1`);
            assert.equal(kvp?.identity, identity.clientId);
            assert.equal((await keyAccessOf(registryId)).accessible, true);
        });

        describe('a vault without purge protection', () => {
            const vaultName = `kv-dwb-nopp-${suffix}`;
            let vaultId: string;

            before(async () => {
                const state = await stateNow();
                const caller = Object.values(state.vaults[home.accessPolicyVault.id.toLowerCase()]!.properties.accessPolicies).find((p) =>
                    (p.permissions.keys ?? []).includes('create'),
                )!.objectId;
                const vault = await (
                    await factory.keyVaultManagement(home.subscriptionId)
                ).vaults.beginCreateOrUpdateAndWait(
                    home.group,
                    vaultName,
                    {
                        location: 'eastus',
                        properties: {
                            tenantId: factory.cloud.tenantId ?? '',
                            sku: { family: 'A', name: 'standard' },
                            enableSoftDelete: true,
                            enableRbacAuthorization: false,
                            accessPolicies: [
                                { tenantId: factory.cloud.tenantId ?? '', objectId: caller, permissions: { keys: ['get', 'list', 'create', 'update'] } },
                            ],
                        },
                    },
                    { updateIntervalInMs: 50 },
                );
                vaultId = vault.id!;
                assert.notEqual((await stateNow()).vaults[vaultId.toLowerCase()]?.properties.enablePurgeProtection, true, 'prepared without purge protection');
            });

            it('refused (no consent): the question names the vault; nothing is created and the vault is unchanged', async () => {
                const group = `rg-dwb-refused-${suffix}`;
                const questions: ModalQuestion[] = [];
                // The purge-protection question is dismissed: the wizard ends there.
                const result = await create(
                    [
                        home.subscriptionId,
                        creation.newGroup,
                        group,
                        'eastus',
                        `dwbnopp${suffix}`,
                        creation.newIdentity,
                        `id-dwb-refused-${suffix}`,
                        vaultName,
                        dismiss,
                    ],
                    (question) => questions.push(question),
                );
                assert.equal(result, undefined);
                assert.ok(
                    questions.some((q) => q.message.includes(vaultName) && /purge protection/.test(q.message + (q.detail ?? ''))),
                    `questions asked: ${JSON.stringify(questions)}`,
                );
                const state = await stateNow();
                assert.equal(
                    Object.values(state.groups).some((g) => g.name === group),
                    false,
                    'no resource group created',
                );
                assert.notEqual(state.vaults[vaultId.toLowerCase()]?.properties.enablePurgeProtection, true);
            });

            it('enabled with consent: purge protection turned on, new key there, registry reaches it', async () => {
                const registryId = await create([
                    home.subscriptionId,
                    home.group,
                    `dwbpp${suffix}`,
                    creation.newIdentity,
                    `id-dwb-pp-${suffix}`,
                    vaultName,
                    creation.enablePurgeProtection,
                    creation.newKey,
                    'cmk-new',
                    'RSA 2048',
                    creation.versionless,
                    creation.confirm,
                ]);
                assert.ok(registryId, 'the command returned the new registry id');
                const state = await stateNow();
                assert.equal(state.vaults[vaultId.toLowerCase()]?.properties.enablePurgeProtection, true);
                assert.equal(
                    registryIn(state, registryId)?.encryption.keyVaultProperties?.keyIdentifier,
                    `https://${vaultName}.${factory.cloud.keyVaultDnsSuffix}/keys/cmk-new`,
                );
                assert.equal((await keyAccessOf(registryId)).accessible, true);
            });
        });

        it('an EC key is refused with the reason shown, and nothing is created', async () => {
            const ecName = `ec-dwb-${suffix}`;
            await (await factory.keys(home.accessPolicyVault.uri)).createEcKey(ecName, { curve: 'P-256' });
            const before = await stateNow();
            const questions: ModalQuestion[] = [];
            // Picked, the EC key is explained in a modal (which offers another key); dismissed, the wizard ends.
            const result = await create(
                [home.subscriptionId, home.group, `dwbec${suffix}`, home.identities[0]!.name, home.accessPolicyVault.name, ecName, dismiss],
                (question) => questions.push(question),
            );
            assert.equal(result, undefined);
            assert.ok(
                questions.some((q) => q.message.includes(ecName) && /type EC/.test(q.message) && /only RSA/.test(q.message)),
                `questions asked: ${JSON.stringify(questions)}`,
            );
            assert.equal(Object.keys((await stateNow()).registries).length, Object.keys(before.registries).length, 'no registry created');
        });

        it('a registry name already taken is refused before anything is created', async () => {
            const before = await stateNow();
            const taken = Object.values(before.registries)
                .map((r) => r.name)
                .sort()[0]!;
            const group = `rg-dwb-taken-${suffix}`;
            // The name passes the input box's own rules; the checks before the summary refuse it.
            const { result, errors } = await withShownErrors(() =>
                create([
                    home.subscriptionId,
                    creation.newGroup,
                    group,
                    'eastus',
                    taken,
                    creation.newIdentity,
                    `id-dwb-taken-${suffix}`,
                    creation.newVault,
                    `kv-dwb-taken-${suffix}`,
                    '7',
                    creation.newKey,
                    'k',
                    'RSA 2048',
                    creation.versionless,
                ]),
            );
            assert.equal(result, undefined);
            assert.ok(
                errors.some((e) => e.includes(`"${taken}" is not available`)),
                `errors shown: ${JSON.stringify(errors)}`,
            );
            const after = await stateNow();
            assert.equal(
                Object.values(after.groups).some((g) => g.name === group),
                false,
                'no resource group created',
            );
            assert.equal(Object.keys(after.vaults).length, Object.keys(before.vaults).length, 'no vault created');
        });
    });

    describe('Rotate Key', () => {
        let registryId: string;
        let rotationIdentity: { principalId: string; clientId: string };
        const current = async () => {
            const registry = registryIn(await stateNow(), registryId);
            assert.ok(registry?.encryption.keyVaultProperties, 'the registry is still encrypted');
            return { registry, kvp: registry.encryption.keyVaultProperties };
        };

        before(async () => {
            ({ registryId, identity: rotationIdentity } = await registryWithOwnIdentity(factory, home, {
                identity: `id-dwb-rot-${suffix}`,
                registry: `dwbrotate${suffix}`,
            }));
            await api.refresh();
        });

        it('another key in the same vault (versionless)', async () => {
            await rotate(registryId, [rotation.sameVault, 'cmk-key-2', rotation.versionless, rotation.keepIdentity]);
            const { kvp } = await current();
            assert.equal(kvp.keyIdentifier, `${home.accessPolicyVault.uri}/keys/cmk-key-2`);
            assert.equal(kvp.identity, rotationIdentity.clientId);
            assert.equal((await keyAccessOf(registryId)).accessible, true);
        });

        it('versionless → pinned → versionless on the same key', async () => {
            await rotate(registryId, [rotation.typedKeyId, `${home.accessPolicyVault.uri}/keys/cmk-key-2`, rotation.pinned, rotation.keepIdentity]);
            const pinned = (await current()).kvp;
            assert.match(pinned.keyIdentifier, new RegExp(`/keys/cmk-key-2/[0-9a-f]{32}$`));
            assert.equal(pinned.keyIdentifier, pinned.versionedKeyIdentifier);
            assert.equal((await keyAccessOf(registryId)).accessible, true);
            await rotate(registryId, [rotation.typedKeyId, pinned.keyIdentifier, rotation.versionless, rotation.keepIdentity]);
            const versionless = (await current()).kvp;
            assert.equal(versionless.keyIdentifier, `${home.accessPolicyVault.uri}/keys/cmk-key-2`);
            assert.equal(versionless.versionedKeyIdentifier, pinned.keyIdentifier);
            assert.equal((await keyAccessOf(registryId)).accessible, true);
        });

        it('a key in another vault of another subscription: the identity is granted there first', async () => {
            const identity = rotationIdentity;
            assert.equal(policiesOn(await stateNow(), away.accessPolicyVault.id)[identity.principalId.toLowerCase()], undefined, 'no access there before');
            await rotate(registryId, [
                rotation.otherVault,
                away.subscriptionId,
                away.accessPolicyVault.name,
                'cmk-key-1',
                rotation.versionless,
                rotation.keepIdentity,
                rotation.grantAccess,
            ]);
            const state = await stateNow();
            assert.equal(registryIn(state, registryId)?.encryption.keyVaultProperties?.keyIdentifier, `${away.accessPolicyVault.uri}/keys/cmk-key-1`);
            assert.equal(policiesOn(state, away.accessPolicyVault.id)[identity.principalId.toLowerCase()], 'get,unwrapkey,wrapkey');
            assert.equal((await keyAccessOf(registryId)).accessible, true);
        });

        it('user-assigned → system-assigned identity: enabled, granted, switched', async () => {
            await rotate(registryId, [
                rotation.typedKeyId,
                `${away.accessPolicyVault.uri}/keys/cmk-key-1`,
                rotation.versionless,
                rotation.systemIdentity,
                rotation.enableSystemIdentity,
                rotation.grantAccess,
            ]);
            const { registry, kvp } = await current();
            assert.equal(kvp.identity, 'system');
            assert.match(registry.identity?.type ?? '', /SystemAssigned/);
            const principal = registry.identity?.principalId?.toLowerCase() ?? '';
            assert.equal(policiesOn(await stateNow(), away.accessPolicyVault.id)[principal], 'get,unwrapkey,wrapkey');
            assert.equal((await keyAccessOf(registryId)).accessible, true);
        });
    });
});
