import { strict as assert } from 'node:assert';
import { DeviceCodeCredential } from '@azure/identity';
import type { RunningEmulator } from '../../emulator/index';
import { baseWorld } from '../../emulator/seed';
import { call, startForSuite, tlsOptionsFor } from './harness';
import { clientsFor, createVault, failure } from './clients';
import { claimsOf, environmentUsers, pickAccount, postForm, userCredential, AZURE_CLI_CLIENT_ID } from './signInDriver';

const OWNER = 'owner@emulator.localhost';
const READER = 'reader@emulator.localhost';
const NO_ROLE = 'norole@emulator.localhost';

const listSubscriptions = async (emu: RunningEmulator, upn: string): Promise<string[]> => {
    const out: string[] = [];
    for await (const s of clientsFor(emu, userCredential(emu, upn)).subscriptions.subscriptions.list()) out.push(s.subscriptionId!);
    return out;
};

describe('emulator: signed-in users are authorized by their object id (ARM RBAC, Key Vault)', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    // Every world gives the users their roles (identityPlatform.test.ts checks the bare one); a seeded world here.
    before(async () => {
        emu = await startForSuite('user-authorization', { seed: 'subscriptions=2,registries=0' });
    });
    after(() => emu.stop());

    it("lists the tenant's users in environment.json, with deterministic ids and subscription-scope roles", async () => {
        const users = environmentUsers(emu);
        assert.deepEqual(
            users.map((u) => u.upn),
            [OWNER, READER, NO_ROLE],
        );
        assert.deepEqual(
            users.map((u) => u.objectId),
            Object.values(baseWorld().users!).map((u) => u.objectId),
            'the same ids on every start',
        );
        const roles = Object.values(emu.context.world.roleAssignments).filter((a) => a.principalType === 'User');
        const subs = emu.environment.subscriptions.map((s) => `/subscriptions/${s.id}`);
        assert.deepEqual(
            roles.filter((a) => a.principalId === users[0]!.objectId).map((a) => a.scope),
            subs,
        );
        assert.deepEqual(
            roles.filter((a) => a.principalId === users[1]!.objectId).map((a) => [a.scope, a.roleDefinitionId.split('/').pop()]),
            [[subs[0], 'acdd72a7-3385-48ef-bd42-f606fba81ae7']],
        );
        assert.equal(roles.filter((a) => a.principalId === users[2]!.objectId).length, 0);
    });

    it("@azure/identity's DeviceCodeCredential signs the owner in through the device page; SubscriptionClient lists every subscription", async () => {
        const env = emu.environment;
        const completions: Promise<unknown>[] = [];
        const credential = new DeviceCodeCredential({
            tenantId: env.tenantId,
            clientId: AZURE_CLI_CLIENT_ID,
            authorityHost: env.authority,
            disableInstanceDiscovery: true,
            additionallyAllowedTenants: ['*'],
            tlsOptions: tlsOptionsFor(emu),
            userPromptCallback: (info) => {
                completions.push(
                    (async () => {
                        const picker = await postForm(emu, info.verificationUri, { otc: info.userCode });
                        await pickAccount(emu, String(picker.body), OWNER);
                    })(),
                );
            },
        });
        const token = await credential.getToken(`${env.armAudience}.default`);
        await Promise.all(completions);
        assert.equal(claimsOf(token.token).upn, OWNER);
        const subs: string[] = [];
        for await (const s of clientsFor(emu, credential).subscriptions.subscriptions.list()) subs.push(s.subscriptionId!);
        assert.deepEqual(subs.sort(), env.subscriptions.map((s) => s.id).sort());
    });

    it('the Reader lists and reads its one subscription and is refused writes (AuthorizationFailed) and the other subscription', async () => {
        const [first, second] = emu.environment.subscriptions.map((s) => s.id);
        assert.deepEqual(await listSubscriptions(emu, READER), [first]);
        const reader = clientsFor(emu, userCredential(emu, READER), first);
        const groups: string[] = [];
        for await (const g of reader.resources.resourceGroups.list()) groups.push(g.name!);
        assert.deepEqual(groups, []);
        const write = await failure(reader.resources.resourceGroups.createOrUpdate('rg-reader', { location: 'eastus' }));
        assert.deepEqual([write.statusCode, write.code], [403, 'AuthorizationFailed']);
        const readerId = environmentUsers(emu)[1]!.objectId;
        assert.match(
            write.message,
            new RegExp(
                `The client '${READER}' with object id '${readerId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write'`,
                'i',
            ),
        );
        const other = await failure(clientsFor(emu, userCredential(emu, READER), second).resources.resourceGroups.get('anything'));
        assert.deepEqual([other.statusCode, other.code], [403, 'AuthorizationFailed']);
    });

    it('a user with no role lists no subscription (the tenant is still listed)', async () => {
        assert.deepEqual(await listSubscriptions(emu, NO_ROLE), []);
        const tenants: string[] = [];
        for await (const t of clientsFor(emu, userCredential(emu, NO_ROLE)).subscriptions.tenants.list()) tenants.push(t.tenantId!);
        assert.deepEqual(tenants, [emu.environment.tenantId]);
    });

    it('the owner creates a vault with an access policy for itself; Key Vault authorizes each user by object id', async () => {
        const [owner, reader] = environmentUsers(emu);
        const c = clientsFor(emu, userCredential(emu, OWNER));
        await c.resources.resourceGroups.createOrUpdate('rg-user-vault', { location: 'eastus' });
        const vault = await createVault(c, emu, 'rg-user-vault', 'kv-user-owner-1', {}, owner!.objectId);
        const key = await c.keys(vault.properties.vaultUri!).createRsaKey('user-key');
        assert.ok(key.id);
        const denied = await failure(clientsFor(emu, userCredential(emu, READER)).keys(vault.properties.vaultUri!).getKey('user-key'));
        assert.equal(denied.statusCode, 403);
        assert.match(denied.message, new RegExp(`oid=${reader!.objectId}`));
        const unauthenticated = await call(emu, 'GET', `${vault.properties.vaultUri}keys/user-key?api-version=7.4`);
        assert.equal(unauthenticated.status, 401);
    });

    it('the owner grants the Reader a Key Vault data role on an RBAC vault (the Reader may not); the Reader then reads keys', async () => {
        const [owner, reader] = environmentUsers(emu);
        const c = clientsFor(emu, userCredential(emu, OWNER));
        const vault = await createVault(c, emu, 'rg-user-vault', 'kv-user-rbac-1', { enableRbacAuthorization: true, accessPolicies: [] }, owner!.objectId);
        const role = (id: string) => `/subscriptions/${emu.environment.subscriptions[0]!.id}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
        await c.authorization.roleAssignments.create(vault.id!, 'c3c3c3c3-0000-4000-8000-000000000001', {
            roleDefinitionId: role('14b46e9e-c2b7-41b4-b07b-48a6ebf60603'),
            principalId: owner!.objectId,
            principalType: 'User',
        });
        await c.keys(vault.properties.vaultUri!).createRsaKey('rbac-key');
        const readerClients = clientsFor(emu, userCredential(emu, READER));
        const readerKeys = readerClients.keys(vault.properties.vaultUri!);
        const before = await failure(readerKeys.getKey('rbac-key'));
        assert.equal(before.statusCode, 403);
        assert.match(before.message, /ForbiddenByRbac|not authorized/i);
        const selfGrant = await failure(
            readerClients.authorization.roleAssignments.create(vault.id!, 'c3c3c3c3-0000-4000-8000-000000000002', {
                roleDefinitionId: role('12338af0-0e69-4776-bea7-57ae8d297424'),
                principalId: reader!.objectId,
                principalType: 'User',
            }),
        );
        assert.deepEqual([selfGrant.statusCode, selfGrant.code], [403, 'AuthorizationFailed']);
        await c.authorization.roleAssignments.create(vault.id!, 'c3c3c3c3-0000-4000-8000-000000000003', {
            roleDefinitionId: role('12338af0-0e69-4776-bea7-57ae8d297424'),
            principalId: reader!.objectId,
            principalType: 'User',
        });
        assert.equal((await readerKeys.getKey('rbac-key')).name, 'rbac-key');
    });

    it('a role assignment for a user needs no principalType, as for a service principal (the directory knows users); unknown ids are PrincipalNotFound', async () => {
        const [owner, , noRole] = environmentUsers(emu);
        const c = clientsFor(emu, userCredential(emu, OWNER));
        await c.resources.resourceGroups.createOrUpdate('rg-user-grant', { location: 'eastus' });
        const vault = await createVault(c, emu, 'rg-user-grant', 'kv-user-grant-1', { enableRbacAuthorization: true, accessPolicies: [] });
        const role = (id: string) => `/subscriptions/${emu.environment.subscriptions[0]!.id}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
        // The owner (a user) grants itself Crypto Officer; the service principal grants Nico (no subscription role) Crypto User.
        const officer = await c.authorization.roleAssignments.create(vault.id!, 'c4c4c4c4-0000-4000-8000-000000000001', {
            roleDefinitionId: role('14b46e9e-c2b7-41b4-b07b-48a6ebf60603'),
            principalId: owner!.objectId,
        });
        assert.deepEqual([officer.scope, officer.principalId], [vault.id, owner!.objectId]);
        const user = await clientsFor(emu).authorization.roleAssignments.create(vault.id!, 'c4c4c4c4-0000-4000-8000-000000000002', {
            roleDefinitionId: role('12338af0-0e69-4776-bea7-57ae8d297424'),
            principalId: noRole!.objectId,
        });
        assert.equal(user.principalId, noRole!.objectId);
        const listed: string[] = [];
        for await (const a of c.authorization.roleAssignments.listForScope(vault.id!, { filter: `principalId eq '${noRole!.objectId}'` })) listed.push(a.name!);
        assert.deepEqual(listed, ['c4c4c4c4-0000-4000-8000-000000000002']);
        const unknown = await failure(
            c.authorization.roleAssignments.create(vault.id!, 'c4c4c4c4-0000-4000-8000-000000000003', {
                roleDefinitionId: role('12338af0-0e69-4776-bea7-57ae8d297424'),
                principalId: '99999999-0000-4000-8000-000000000000',
            }),
        );
        assert.deepEqual([unknown.statusCode, unknown.code], [400, 'PrincipalNotFound']);
        // The assignments authorize on the data plane: the owner creates a key, Nico reads it.
        await c.keys(vault.properties.vaultUri!).createRsaKey('grant-key');
        assert.equal((await clientsFor(emu, userCredential(emu, NO_ROLE)).keys(vault.properties.vaultUri!).getKey('grant-key')).name, 'grant-key');
    });
});
