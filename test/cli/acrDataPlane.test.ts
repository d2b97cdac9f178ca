import * as assert from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { azJson, startAzSandbox, type AzSandbox, type AzResult } from './runAz';
import { buildOciImage } from '../emulator/registryData/ociImage';
import { layoutManifestDigest, writeAuthFile, writeOciLayout } from './ociLayout';

// The registry's data, observed as users observe it: skopeo (Debian) pushes and pulls an OCI image through the
// emulator's login server after `az acr login --expose-token`, `az acr repository list` lists it, and revoking the
// registry identity's vault access makes both fail with ACR's 403 until access is restored. The emulator listens on
// 443 inside a private network namespace, so login servers need no port (as in Azure); `*.localhost` names reach it
// through the namespace's own hosts file (skopeo's Go resolver reads it), never the machine's.
const REPOSITORY = 'demo/app';
const TAG = 'v1';
const REFRESH_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

interface SampleRegistry {
    id: string;
    name: string;
    subscriptionId: string;
    identity: { userAssignedIdentities: Record<string, { principalId: string }> };
    encryption: { status: string; keyVaultProperties?: { keyIdentifier: string } };
}

describe('registry data plane with real clients: skopeo and az acr against the emulator', function () {
    this.timeout(300_000);
    let sandbox: AzSandbox;
    let work: string;
    let registry: SampleRegistry;
    let loginServer: string;
    let vaultName: string;
    let identityPrincipalId: string;
    const marker = `layer marker ${randomBytes(12).toString('hex')}`;
    const image = buildOciImage([{ name: 'marker.txt', content: Buffer.from(`${marker}\n`) }]);
    const az = async (...args: string[]) => azJson(await sandbox.az(args));
    const dirs = () => ({
        certs: path.join(work, 'certs'),
        auth: path.join(work, 'auth.json'),
        policy: path.join(work, 'policy.json'),
        home: path.join(work, 'home'),
    });
    /** skopeo inside the namespace; its failure message never carries the token (it is in the auth file only). */
    const skopeo = (args: string[]): Promise<AzResult> =>
        sandbox.run('skopeo', ['--policy', dirs().policy, ...args], {
            env: { HOME: dirs().home, TMPDIR: path.join(work, 'tmp') },
            hostNames: [loginServer],
            timeoutMs: 120_000,
        });
    const pull = (into: string) =>
        skopeo([
            'copy',
            '--src-cert-dir',
            dirs().certs,
            '--src-authfile',
            dirs().auth,
            `docker://${loginServer}/${REPOSITORY}:${TAG}`,
            `oci:${path.join(work, into)}:${TAG}`,
        ]);
    const describe = (r: AzResult) => `exit ${r.exitCode}\n${r.stderr}`;

    before(async () => {
        work = mkdtempSync(path.join(os.tmpdir(), 'acr-data-plane-'));
        for (const dir of ['certs', 'home', 'tmp']) mkdirSync(path.join(work, dir));
        writeFileSync(dirs().policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
        sandbox = await startAzSandbox({ port: 443, emulator: { seed: 'sample', statePath: path.join(work, 'state.json') } });
        copyFileSync(sandbox.environment.caCertPath, path.join(dirs().certs, 'ca.crt')); // skopeo trusts *.crt in --*-cert-dir
        const state = (await sandbox.request('GET', `${sandbox.environment.adminEndpoint}state`)).body as { registries: Record<string, SampleRegistry> };
        // A CMK registry of the sample world whose user-assigned identity reaches its key through an access-policy vault.
        registry = Object.values(state.registries).find(
            (r) => r.encryption.status === 'enabled' && /^https:\/\/kv-ap-/.test(r.encryption.keyVaultProperties!.keyIdentifier),
        )!;
        assert.ok(registry, 'the sample world has a CMK registry on an access-policy vault');
        loginServer = `${registry.name}${sandbox.environment.acrLoginServerSuffix}`;
        vaultName = /^https:\/\/([^.]+)\./.exec(registry.encryption.keyVaultProperties!.keyIdentifier)![1]!;
        identityPrincipalId = Object.values(registry.identity.userAssignedIdentities)[0]!.principalId;
        writeOciLayout(path.join(work, 'push'), image, TAG);
    });
    after(async () => {
        await sandbox?.stop();
        if (work) rmSync(work, { recursive: true, force: true });
    });
    // Each step builds on the previous ones: after a failure, the rest are reported as skipped, not failed.
    let stepFailed = false;
    beforeEach(function () {
        if (stepFailed) this.skip();
    });
    afterEach(function () {
        if (this.currentTest?.state === 'failed') stepFailed = true;
    });

    it("az signs in to the emulator cloud and selects the registry's subscription", async () => {
        await az('cloud', 'register', '-n', 'Emulator', '--cloud-config', `@${sandbox.cloudConfigPath}`);
        await az('cloud', 'set', '-n', 'Emulator');
        const { clientId, clientSecret, tenantId } = sandbox.environment;
        await az('login', '--service-principal', '-u', clientId, '-p', clientSecret, '--tenant', tenantId);
        await az('account', 'set', '-s', registry.subscriptionId);
    });

    it('az acr login --expose-token answers the login server (no port) and a refresh token for it', async () => {
        await sandbox.run('true', [], { hostNames: [loginServer] }); // the login server resolves to loopback from here on
        const login = await sandbox.az(['acr', 'login', '-n', registry.name, '--expose-token']);
        assert.strictEqual(login.exitCode, 0, describe(login));
        const { accessToken, loginServer: answered } = JSON.parse(login.stdout) as { accessToken: string; loginServer: string };
        assert.strictEqual(answered, loginServer);
        assert.match(accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT');
        writeAuthFile(dirs().auth, loginServer, REFRESH_TOKEN_USER, accessToken);
    });

    it('skopeo copies an OCI image from a local layout to the registry', async () => {
        const pushed = await skopeo([
            'copy',
            '--dest-cert-dir',
            dirs().certs,
            '--dest-authfile',
            dirs().auth,
            `oci:${path.join(work, 'push')}:${TAG}`,
            `docker://${loginServer}/${REPOSITORY}:${TAG}`,
        ]);
        assert.strictEqual(pushed.exitCode, 0, describe(pushed));
    });

    it('az acr repository list lists it beside the seeded images; show-tags shows its tag', async () => {
        const repositories = (await az('acr', 'repository', 'list', '-n', registry.name)) as string[];
        assert.deepStrictEqual(repositories, ['demo/app', 'hello-world', 'tools/checksum']);
        const tags = (await az('acr', 'repository', 'show-tags', '-n', registry.name, '--repository', REPOSITORY)) as string[];
        assert.deepStrictEqual(tags, [TAG]);
    });

    it('skopeo pulls it back with the pushed manifest digest', async () => {
        const pulled = await pull('pull-before');
        assert.strictEqual(pulled.exitCode, 0, describe(pulled));
        assert.strictEqual(layoutManifestDigest(path.join(work, 'pull-before'), TAG), image.manifestDigest);
    });

    it("the emulator's files hold the CMK registry's layer only as ciphertext", async () => {
        const statePath = path.join(work, 'state.json');
        const layerDigest = image.blobs[1]!.digest;
        // The world is saved shortly after each change (debounced): wait, bounded, until the pushed layer is in the file.
        const deadline = Date.now() + 15_000;
        while (!(existsSync(statePath) && readFileSync(statePath, 'utf8').includes(layerDigest)) && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const saved = JSON.parse(readFileSync(statePath, 'utf8')) as {
            world: { registryContent: Record<string, { blobs: Record<string, { bytes: Record<string, unknown> }> }> };
        };
        const stored = saved.world.registryContent[registry.id.toLowerCase()]!.blobs[layerDigest];
        assert.ok(stored && 'sealed' in stored.bytes, 'the pushed layer is saved, sealed');
        const layer = image.layers[0]!;
        const forms = [layer, Buffer.from(layer.toString('base64')), Buffer.from(layer.toString('hex')), Buffer.from(marker)];
        const files = [statePath, ...listFiles(sandbox.outDir)];
        for (const file of files) {
            const bytes = readFileSync(file);
            for (const form of forms) assert.strictEqual(bytes.indexOf(form), -1, `${path.basename(file)} holds the layer in plaintext`);
        }
    });

    it("after az keyvault delete-policy for the registry's identity, skopeo's pull and az acr repository list fail with ACR's 403", async () => {
        await az('keyvault', 'delete-policy', '-n', vaultName, '--object-id', identityPrincipalId);
        const pulled = await pull('pull-revoked');
        assert.notStrictEqual(pulled.exitCode, 0, 'the pull fails');
        assert.match(pulled.stderr, /denied: Failed to access KeyId 'https:\/\/kv-ap-[^']+'\. Verify that identity/);
        const listed = await sandbox.az(['acr', 'repository', 'list', '-n', registry.name]);
        assert.notStrictEqual(listed.exitCode, 0, 'the listing fails');
        assert.match(
            listed.stderr,
            /Failed to access KeyId 'https:\/\/kv-ap-[^']+'\. Verify that identity '[0-9a-f-]{36}' has 'Get, Wrap Key, Unwrap Key' permission/,
        );
    });

    it('after az keyvault set-policy restores it, the pulled manifest digest equals the pushed one again', async () => {
        await az('keyvault', 'set-policy', '-n', vaultName, '--object-id', identityPrincipalId, '--key-permissions', 'get', 'wrapKey', 'unwrapKey');
        const pulled = await pull('pull-restored');
        assert.strictEqual(pulled.exitCode, 0, describe(pulled));
        assert.strictEqual(layoutManifestDigest(path.join(work, 'pull-restored'), TAG), image.manifestDigest);
        const layerPath = path.join(work, 'pull-restored', 'blobs', 'sha256', image.blobs[1]!.digest.slice('sha256:'.length));
        assert.ok(readFileSync(layerPath).equals(image.layers[0]!), 'the same layer bytes');
    });
});

function listFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}
