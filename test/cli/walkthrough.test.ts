import * as assert from 'node:assert';
import * as path from 'node:path';
import { azJson, startAzSandbox, type AzSandbox } from './runAz';

// The source document's walkthrough, run by the stock Azure CLI (Debian's azure-cli 2.45) against the
// emulator, inside a private network + mount namespace. Steps share state, in order, like a user session.
const GROUP = 'cmk-rg';
const LOCATION = 'chinaeast2';
const IDENTITY = 'cmk-identity';
const VAULT = 'cmkvault1';
const REGISTRY = 'cmkregistry1';
const TEMPLATE = path.join(__dirname, 'fixtures', 'CMKtemplate.json');
const KEY_PERMISSIONS = ['get', 'unwrapKey', 'wrapKey'];

const versionless = (kid: string) => kid.replace(/\/[^/]+$/, '');

describe('stock Azure CLI walkthrough against the emulator', function () {
    this.timeout(180_000);
    let sandbox: AzSandbox;
    const state: Record<string, string> = {};
    const az = async (...args: string[]) => azJson(await sandbox.az(args));
    const admin = async (method: string, adminPath: string) => {
        const response = await sandbox.request(method, new URL(adminPath, sandbox.environment.adminEndpoint).toString());
        assert.strictEqual(response.status, 200, JSON.stringify(response.body));
        return response.body;
    };
    const createKey = async (vault: string, key: string) => {
        const url = `https://${vault}${sandbox.environment.keyVaultDnsSuffix}/keys/${key}/create?api-version=7.4-preview.1`;
        const created = await az('rest', '--method', 'post', '--url', url, '--resource', sandbox.environment.keyVaultAudience, '--body', '{"kty":"RSA"}');
        assert.strictEqual(created.key.kty, 'RSA');
        assert.ok(String(created.key.kid).startsWith(`https://${vault}${sandbox.environment.keyVaultDnsSuffix}/keys/${key}/`), created.key.kid);
        assert.match(created.key.n, /^[A-Za-z0-9_-]{300,}$/, 'a real RSA modulus (base64url)');
        return created.key.kid as string;
    };
    const requestLog = async (): Promise<{ method: string; path: string }[]> => {
        const log = await admin('GET', 'requests');
        const entries = (Array.isArray(log) ? log : log.requests) as { method: string; path: string }[];
        return entries.filter((entry) => !entry.path.startsWith('/_emulator'));
    };

    before(async () => {
        sandbox = await startAzSandbox();
    });
    after(async () => {
        await sandbox?.stop();
    });
    // Each step builds on the previous ones: after a failure, the rest are reported as skipped, not failed.
    let stepFailed = false;
    beforeEach(function () {
        if (stepFailed) this.skip();
    });
    afterEach(function () {
        if (this.currentTest?.state === 'failed') stepFailed = true;
    });

    it('az cloud register + az cloud set select the emulator cloud', async () => {
        await az('cloud', 'register', '-n', 'Emulator', '--cloud-config', `@${sandbox.cloudConfigPath}`);
        await az('cloud', 'set', '-n', 'Emulator');
        const cloud = await az('cloud', 'show', '-n', 'Emulator');
        assert.strictEqual(cloud.isActive, true);
        assert.strictEqual(cloud.endpoints.resourceManager, sandbox.environment.armEndpoint);
        assert.strictEqual(cloud.suffixes.keyvaultDns, sandbox.environment.keyVaultDnsSuffix);
    });

    it('az login --service-principal lists the emulator subscriptions', async () => {
        const { clientId, clientSecret, tenantId, subscriptions } = sandbox.environment;
        const accounts = await az('login', '--service-principal', '-u', clientId, '-p', clientSecret, '--tenant', tenantId);
        assert.deepStrictEqual(accounts.map((a: { id: string }) => a.id).sort(), subscriptions.map((s) => s.id).sort());
        assert.ok(
            accounts.every(
                (a: { tenantId: string; user: { type: string; name: string } }) =>
                    a.tenantId === tenantId && a.user.type === 'servicePrincipal' && a.user.name === clientId,
            ),
        );
        state.subscription = (await az('account', 'show')).id;
    });

    it('az group create', async () => {
        state.logBeforeCreate = String((await requestLog()).length);
        const group = await az('group', 'create', '-n', GROUP, '-l', LOCATION);
        assert.strictEqual(group.id, `/subscriptions/${state.subscription}/resourceGroups/${GROUP}`);
        assert.strictEqual(group.properties.provisioningState, 'Succeeded');
    });

    it('az identity create', async () => {
        const identity = await az('identity', 'create', '-g', GROUP, '-n', IDENTITY);
        assert.match(identity.principalId, /^[0-9a-f-]{36}$/);
        assert.match(identity.clientId, /^[0-9a-f-]{36}$/);
        assert.notStrictEqual(identity.principalId, identity.clientId);
        Object.assign(state, { identityId: identity.id, identityPrincipalId: identity.principalId, identityClientId: identity.clientId });
    });

    it('az keyvault create --enable-purge-protection', async () => {
        const vault = await az('keyvault', 'create', '-g', GROUP, '-n', VAULT, '-l', LOCATION, '--enable-purge-protection');
        assert.strictEqual(vault.properties.enablePurgeProtection, true);
        assert.strictEqual(vault.properties.enableSoftDelete, true);
        assert.strictEqual(vault.properties.vaultUri, `https://${VAULT}${sandbox.environment.keyVaultDnsSuffix}/`);
        const policies = vault.properties.accessPolicies as { objectId: string }[];
        assert.ok(
            policies.some((p) => p.objectId === sandbox.environment.principalObjectId),
            'the caller got a full-permission policy',
        );
    });

    it('az keyvault set-policy for the user-assigned identity', async () => {
        const vault = await az(
            'keyvault',
            'set-policy',
            '-g',
            GROUP,
            '-n',
            VAULT,
            '--object-id',
            state.identityPrincipalId!,
            '--key-permissions',
            ...KEY_PERMISSIONS,
        );
        const policy = vault.properties.accessPolicies.find((p: { objectId: string }) => p.objectId === state.identityPrincipalId);
        assert.deepStrictEqual([...policy.permissions.keys].map((k: string) => k.toLowerCase()).sort(), ['get', 'unwrapkey', 'wrapkey']);
    });

    it('key create (az rest, challenge authentication against the vault host with port)', async () => {
        state.kid = await createKey(VAULT, 'cmk-key');
    });

    it('az acr create --identity --key-encryption-key --sku Premium', async () => {
        const keyId = versionless(state.kid!);
        const registry = await az(
            'acr',
            'create',
            '-g',
            GROUP,
            '-n',
            REGISTRY,
            '--sku',
            'Premium',
            '--identity',
            state.identityId!,
            '--key-encryption-key',
            keyId,
        );
        const log = await requestLog();
        state.createPathRequests = String(log.length - Number(state.logBeforeCreate));
        assert.strictEqual(registry.provisioningState, 'Succeeded');
        assert.strictEqual(registry.encryption.status, 'enabled');
        assert.strictEqual(registry.encryption.keyVaultProperties.keyIdentifier, keyId);
        assert.strictEqual(registry.encryption.keyVaultProperties.identity, state.identityClientId);
        assert.deepStrictEqual(
            Object.keys(registry.identity.userAssignedIdentities).map((id) => id.toLowerCase()),
            [state.identityId!.toLowerCase()],
        );
        state.registryId = registry.id;
        console.log(`      requests sent for group create .. acr create: ${state.createPathRequests}`);
    });

    it('az acr encryption show', async () => {
        const encryption = await az('acr', 'encryption', 'show', '-n', REGISTRY);
        assert.strictEqual(encryption.status, 'enabled');
        assert.strictEqual(encryption.keyVaultProperties.keyIdentifier, versionless(state.kid!));
        assert.strictEqual(encryption.keyVaultProperties.versionedKeyIdentifier, state.kid);
        assert.strictEqual(encryption.keyVaultProperties.keyRotationEnabled, true);
        assert.strictEqual(encryption.keyVaultProperties.identity, state.identityClientId);
    });

    it('az acr encryption rotate-key with the user-assigned identity', async () => {
        state.kid2 = await createKey(VAULT, 'cmk-key-2');
        const registry = await az(
            'acr',
            'encryption',
            'rotate-key',
            '-n',
            REGISTRY,
            '--key-encryption-key',
            versionless(state.kid2),
            '--identity',
            state.identityClientId!,
        );
        assert.strictEqual(registry.encryption.keyVaultProperties.keyIdentifier, versionless(state.kid2));
        assert.strictEqual(registry.encryption.keyVaultProperties.versionedKeyIdentifier, state.kid2);
        assert.ok(!Number.isNaN(Date.parse(registry.encryption.keyVaultProperties.lastKeyRotationTimestamp)), 'lastKeyRotationTimestamp set');
    });

    it('az acr identity assign --identities [system], then set-policy for it', async () => {
        const registry = await az('acr', 'identity', 'assign', '-n', REGISTRY, '--identities', '[system]'); // 2.45 prints the registry
        const identity = registry.identity;
        assert.ok(identity.userAssignedIdentities, 'the user-assigned identity stays assigned');
        // Azure answers the type in camel case (`systemAssigned, userAssigned`, as recorded): compare without case.
        assert.match(identity.type, /systemAssigned/i);
        assert.match(identity.principalId, /^[0-9a-f-]{36}$/);
        state.systemPrincipalId = identity.principalId;
        const vault = await az('keyvault', 'set-policy', '-n', VAULT, '--object-id', identity.principalId, '--key-permissions', ...KEY_PERMISSIONS);
        assert.ok(vault.properties.accessPolicies.some((p: { objectId: string }) => p.objectId === identity.principalId));
    });

    it('az acr encryption rotate-key --identity [system]', async () => {
        const registry = await az('acr', 'encryption', 'rotate-key', '-n', REGISTRY, '--key-encryption-key', versionless(state.kid!), '--identity', '[system]');
        assert.strictEqual(registry.encryption.keyVaultProperties.identity, 'system');
        assert.strictEqual(registry.encryption.keyVaultProperties.keyIdentifier, versionless(state.kid!));
        const access = await admin('GET', `key-access?registry=${encodeURIComponent(state.registryId!)}`);
        assert.strictEqual(access.accessible, true, access.reason);
    });

    it('az keyvault delete-policy for the system identity makes the key inaccessible', async () => {
        const vault = await az('keyvault', 'delete-policy', '-n', VAULT, '--object-id', state.systemPrincipalId!);
        assert.ok(!vault.properties.accessPolicies.some((p: { objectId: string }) => p.objectId === state.systemPrincipalId));
        const access = await admin('GET', `key-access?registry=${encodeURIComponent(state.registryId!)}`);
        assert.strictEqual(access.accessible, false);
        assert.ok(String(access.reason).length > 0);
    });

    it('az acr list', async () => {
        const registries = await az('acr', 'list');
        const registry = registries.find((r: { name: string }) => r.name === REGISTRY);
        assert.ok(registry, `${REGISTRY} listed`);
        assert.strictEqual(registry.encryption.status, 'enabled');
        assert.strictEqual(registry.sku.name, 'Premium');
    });

    it("az deployment group create with the document's CMKtemplate.json (vault and key made first)", async () => {
        const vault = 'cmkvault2';
        await az('keyvault', 'create', '-g', GROUP, '-n', vault, '-l', LOCATION, '--enable-purge-protection');
        const kid = await createKey(vault, 'tpl-key');
        const deployment = await az(
            'deployment',
            'group',
            'create',
            '-g',
            GROUP,
            '-n',
            'cmk-deployment',
            '--template-file',
            TEMPLATE,
            '--parameters',
            'registry_name=cmkregistry2',
            'identity_name=cmk-identity-2',
            `vault_name=${vault}`,
            `kek_id=${kid}`,
        );
        assert.strictEqual(deployment.properties.provisioningState, 'Succeeded');
        const deployed = (deployment.properties.outputResources as { id: string }[]).map((r) => r.id.toLowerCase());
        assert.ok(
            deployed.some((id) => id.endsWith('/registries/cmkregistry2')),
            JSON.stringify(deployed),
        );

        const identity = await az('identity', 'show', '-g', GROUP, '-n', 'cmk-identity-2');
        const encryption = await az('acr', 'encryption', 'show', '-n', 'cmkregistry2');
        assert.strictEqual(encryption.status, 'enabled');
        assert.strictEqual(encryption.keyVaultProperties.identity, identity.clientId);
        assert.strictEqual(encryption.keyVaultProperties.keyIdentifier, kid);
        const policies = (await az('keyvault', 'show', '-n', vault)).properties.accessPolicies as { objectId: string }[];
        assert.ok(
            policies.some((p) => p.objectId === identity.principalId),
            'the template added the access policy',
        );
        const registry = await az('acr', 'show', '-n', 'cmkregistry2');
        const access = await admin('GET', `key-access?registry=${encodeURIComponent(registry.id)}`);
        assert.strictEqual(access.accessible, true, access.reason);
    });
});
