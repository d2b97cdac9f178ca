import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { RunningEmulator } from '../../emulator/index';
import type { Registry } from '../../emulator/types';
import { buildOciImage } from '../../emulator/registryData/ociImage';
import { startForSuite, armToken, credentialFor } from './harness';
import { clientsFor } from './clients';
import { userCredential } from './signInDriver';
import { acrTokens, form, loginServerUrl, registryRequest } from './registryHttp';

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const claims = (jwt: string): any => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';

// The registry data plane on each login server, spoken to with plain HTTPS as docker, skopeo and the Azure CLI do.
describe('emulator registry data plane: ACR token exchange and the OCI distribution API', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let cmk: Registry;
    let plain: Registry;
    let spToken: string;
    const service = (r: Registry) => `${r.name.toLowerCase()}${emu.environment.acrLoginServerSuffix}`;
    const url = (r: Registry, path: string) => `${loginServerUrl(emu, r.name)}${path}`;
    const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

    before(async () => {
        emu = await startForSuite('registry-data-plane', { seed: 'sample' });
        const registries = Object.values(emu.context.world.registries);
        // An access-policy vault with a user-assigned identity (the sample's first CMK setup), and a service-managed one.
        cmk = registries.find(
            (r) => r.encryption.status === 'enabled' && /\/kv-ap-/.test(r.encryption.keyVaultProperties!.keyIdentifier.replace(/^https:\/\//, '/')),
        )!;
        plain = registries.find((r) => r.encryption.status === 'disabled')!;
        assert.ok(cmk && plain, 'the sample world has both kinds of registry');
        spToken = await armToken(emu);
    });
    after(() => emu.stop());

    it('GET /v2/ without a token: 401 UNAUTHORIZED and the Bearer challenge naming the token realm and the login server', async () => {
        const reply = await registryRequest(url(cmk, '/v2/'), emu);
        assert.equal(reply.status, 401);
        assert.equal(reply.headers['www-authenticate'], `Bearer realm="https://${service(cmk)}/oauth2/token",service="${service(cmk)}"`);
        assert.equal(reply.json.errors[0].code, 'UNAUTHORIZED');
        assert.match(reply.json.errors[0].message, /^authentication required, visit https:\/\/aka\.ms\/acr\/authorization/);
    });

    it('token exchange: an Entra token for Resource Manager buys a refresh token; forged, malformed or other-audience tokens do not', async () => {
        const { refreshToken, accessToken } = await acrTokens(emu, cmk.name, spToken, 'registry:catalog:*');
        assert.equal(claims(refreshToken).aud, service(cmk));
        assert.equal(claims(refreshToken).grant_type, 'refresh_token');
        assert.deepEqual(claims(accessToken).access, [{ type: 'registry', name: 'catalog', actions: ['*'] }]);
        const exchange = (token: string) =>
            registryRequest(url(cmk, '/oauth2/exchange'), emu, {
                method: 'POST',
                ...form({ grant_type: 'access_token', service: service(cmk), access_token: token }),
            });
        const forVault = (await credentialFor(emu).getToken(`${emu.environment.keyVaultAudience}/.default`)).token;
        const parts = spToken.split('.');
        const forged = `${parts[0]}.${parts[1]}.${Buffer.from('not a signature').toString('base64url')}`;
        for (const token of [forVault, forged, 'not-a-jwt']) {
            const reply = await exchange(token);
            assert.equal(reply.status, 401, token.slice(0, 12));
            assert.equal(reply.json.errors[0].code, 'UNAUTHORIZED');
        }
        // Another registry's refresh token buys nothing here.
        const other = await acrTokens(emu, plain.name, spToken, 'registry:catalog:*');
        const reused = await registryRequest(url(cmk, '/oauth2/token'), emu, {
            method: 'POST',
            ...form({ grant_type: 'refresh_token', service: service(cmk), scope: 'registry:catalog:*', refresh_token: other.refreshToken }),
        });
        assert.equal(reused.status, 401);
    });

    it('an access token holds the repository scopes asked for; GET with basic auth (docker, skopeo) answers the same', async () => {
        const { refreshToken, accessToken } = await acrTokens(emu, cmk.name, spToken, 'repository:hello-world:pull,push');
        assert.deepEqual(claims(accessToken).access, [{ type: 'repository', name: 'hello-world', actions: ['pull', 'push'] }]);
        const basic = Buffer.from(`00000000-0000-0000-0000-000000000000:${refreshToken}`).toString('base64');
        const query = new URLSearchParams({ service: service(cmk), scope: 'repository:tools/checksum:pull' });
        const reply = await registryRequest(url(cmk, `/oauth2/token?${query}`), emu, { headers: { authorization: `Basic ${basic}` } });
        assert.equal(reply.status, 200);
        assert.deepEqual(claims(reply.json.access_token).access, [{ type: 'repository', name: 'tools/checksum', actions: ['pull'] }]);
        const wrongPassword = Buffer.from('00000000-0000-0000-0000-000000000000:nope').toString('base64');
        assert.equal((await registryRequest(url(cmk, `/oauth2/token?${query}`), emu, { headers: { authorization: `Basic ${wrongPassword}` } })).status, 401);
        // A token for one repository does not open another: 401 with the challenge naming the scope to ask for.
        const elsewhere = await registryRequest(url(cmk, '/v2/tools/checksum/tags/list'), emu, { headers: bearer(accessToken) });
        assert.equal(elsewhere.status, 401);
        assert.match(elsewhere.headers['www-authenticate']!, /scope="repository:tools\/checksum:pull",error="insufficient_scope"/);
        assert.deepEqual(elsewhere.json.errors[0].detail, [{ Type: 'repository', Name: 'tools/checksum', Action: 'pull' }]);
    });

    it('serves the seeded images: catalog, tags, a manifest by tag and by digest, and the layer bytes', async () => {
        const catalogToken = (await acrTokens(emu, cmk.name, spToken, 'registry:catalog:*')).accessToken;
        const catalog = await registryRequest(url(cmk, '/acr/v1/_catalog'), emu, { headers: bearer(catalogToken) });
        assert.deepEqual(catalog.json.repositories, ['hello-world', 'tools/checksum']);
        const paged = await registryRequest(url(cmk, '/v2/_catalog?n=1'), emu, { headers: bearer(catalogToken) });
        assert.deepEqual(paged.json.repositories, ['hello-world']);
        assert.equal(paged.headers.link, '</v2/_catalog?last=hello-world&n=1>; rel="next"');
        const token = (await acrTokens(emu, cmk.name, spToken, 'repository:hello-world:pull')).accessToken;
        const tags = await registryRequest(url(cmk, '/acr/v1/hello-world/_tags'), emu, { headers: bearer(token) });
        assert.deepEqual(
            tags.json.tags.map((t: { name: string }) => t.name),
            ['latest', 'v1'],
        );
        assert.equal(tags.json.imageName, 'hello-world');
        const manifest = await registryRequest(url(cmk, '/v2/hello-world/manifests/latest'), emu, {
            headers: bearer(token, { accept: 'application/vnd.oci.image.manifest.v1+json' }),
        });
        assert.equal(manifest.status, 200);
        assert.equal(manifest.headers['content-type'], 'application/vnd.oci.image.manifest.v1+json');
        assert.equal(manifest.headers['docker-content-digest'], sha256(manifest.body));
        assert.equal(tags.json.tags.find((t: { name: string }) => t.name === 'latest').digest, sha256(manifest.body));
        const head = await registryRequest(url(cmk, `/v2/hello-world/manifests/${sha256(manifest.body)}`), emu, { method: 'HEAD', headers: bearer(token) });
        assert.equal(head.status, 200);
        assert.equal(head.headers['content-length'], String(manifest.body.length));
        const layer = await registryRequest(url(cmk, `/v2/hello-world/blobs/${manifest.json.layers[0].digest}`), emu, { headers: bearer(token) });
        assert.equal(sha256(layer.body), manifest.json.layers[0].digest);
        assert.match(gunzipSync(layer.body).toString('utf8'), /Hello from the emulator registry \(v2\)/);
        const missing = await registryRequest(url(cmk, '/v2/hello-world/manifests/nope'), emu, { headers: bearer(token) });
        assert.equal(missing.status, 404);
        assert.equal(missing.json.errors[0].code, 'MANIFEST_UNKNOWN');
    });

    it('pushes an image with a chunked and a monolithic upload, refuses a manifest naming a missing blob, and pulls it back by digest', async () => {
        const image = buildOciImage([{ name: 'pushed.txt', content: Buffer.from('pushed over HTTPS\n') }]);
        const token = (await acrTokens(emu, plain.name, spToken, 'repository:team/app:pull,push')).accessToken;
        const [config, layer] = image.blobs;
        const early = await registryRequest(url(plain, '/v2/team/app/manifests/1.0'), emu, {
            method: 'PUT',
            headers: bearer(token, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }),
            body: image.manifest,
        });
        assert.equal(early.status, 400);
        assert.equal(early.json.errors[0].code, 'MANIFEST_BLOB_UNKNOWN');
        // Chunked: POST, two PATCHes with Content-Range, PUT with the digest.
        const started = await registryRequest(url(plain, '/v2/team/app/blobs/uploads/'), emu, { method: 'POST', headers: bearer(token) });
        assert.equal(started.status, 202);
        const half = Math.floor(layer!.data.length / 2);
        const first = await registryRequest(url(plain, started.headers.location!), emu, {
            method: 'PATCH',
            headers: bearer(token, { 'content-range': `0-${half - 1}`, 'content-type': 'application/octet-stream' }),
            body: layer!.data.subarray(0, half),
        });
        assert.equal(first.status, 202);
        assert.equal(first.headers.range, `0-${half - 1}`);
        const outOfOrder = await registryRequest(url(plain, first.headers.location!), emu, {
            method: 'PATCH',
            headers: bearer(token, { 'content-range': '0-1' }),
            body: Buffer.from('xx'),
        });
        assert.equal(outOfOrder.status, 416);
        const second = await registryRequest(url(plain, first.headers.location!), emu, {
            method: 'PATCH',
            headers: bearer(token, { 'content-range': `${half}-${layer!.data.length - 1}` }),
            body: layer!.data.subarray(half),
        });
        assert.equal(second.status, 202);
        const done = await registryRequest(url(plain, `${second.headers.location}?digest=${layer!.digest}`), emu, { method: 'PUT', headers: bearer(token) });
        assert.equal(done.status, 201);
        assert.equal(done.headers['docker-content-digest'], layer!.digest);
        // Monolithic: POST ?digest= with the whole blob; a wrong digest is DIGEST_INVALID.
        const wrong = await registryRequest(url(plain, `/v2/team/app/blobs/uploads/?digest=${layer!.digest}`), emu, {
            method: 'POST',
            headers: bearer(token),
            body: config!.data,
        });
        assert.equal(wrong.json.errors[0].code, 'DIGEST_INVALID');
        const mono = await registryRequest(url(plain, `/v2/team/app/blobs/uploads/?digest=${config!.digest}`), emu, {
            method: 'POST',
            headers: bearer(token),
            body: config!.data,
        });
        assert.equal(mono.status, 201);
        const put = await registryRequest(url(plain, '/v2/team/app/manifests/1.0'), emu, {
            method: 'PUT',
            headers: bearer(token, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }),
            body: image.manifest,
        });
        assert.equal(put.status, 201);
        assert.equal(put.headers['docker-content-digest'], image.manifestDigest);
        const pulled = await registryRequest(url(plain, `/v2/team/app/manifests/${image.manifestDigest}`), emu, { headers: bearer(token) });
        assert.equal(pulled.body.toString('utf8'), image.manifest.toString('utf8'));
        const listed = await registryRequest(url(plain, '/v2/team/app/tags/list'), emu, { headers: bearer(token) });
        assert.deepEqual(listed.json, { name: 'team/app', tags: ['1.0'] });
    });

    it('an AcrPull user gets a pull-only token: its pull works, its push is refused (401, insufficient_scope); no role, no refresh token', async () => {
        const reader = emu.context.world.users!['norole@emulator.localhost']!;
        const clients = clientsFor(emu, undefined, cmk.subscriptionId);
        await clients.authorization.roleAssignments.create(cmk.id, 'b1c5c1f4-6c4b-4d7e-9a55-1f4a1d2e3f40', {
            roleDefinitionId: `/subscriptions/${cmk.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${ACR_PULL}`,
            principalId: reader.objectId,
            principalType: 'User',
        });
        const userArmToken = (await userCredential(emu, reader.upn).getToken(`${emu.environment.armAudience}.default`))!.token;
        const { accessToken } = await acrTokens(emu, cmk.name, userArmToken, 'repository:hello-world:pull,push');
        assert.deepEqual(claims(accessToken).access, [{ type: 'repository', name: 'hello-world', actions: ['pull'] }]);
        assert.equal((await registryRequest(url(cmk, '/v2/hello-world/manifests/v1'), emu, { headers: bearer(accessToken) })).status, 200);
        const push = await registryRequest(url(cmk, '/v2/hello-world/blobs/uploads/'), emu, { method: 'POST', headers: bearer(accessToken) });
        assert.equal(push.status, 401);
        assert.equal(push.json.errors[0].code, 'UNAUTHORIZED');
        assert.match(push.headers['www-authenticate']!, /scope="repository:hello-world:push",error="insufficient_scope"/);
        // Without any role on the registry, the exchange itself is refused.
        const other = Object.values(emu.context.world.registries).find((r) => r.subscriptionId !== cmk.subscriptionId && r.id !== cmk.id)!;
        const refused = await registryRequest(url(other, '/oauth2/exchange'), emu, {
            method: 'POST',
            ...form({ grant_type: 'access_token', service: service(other), access_token: userArmToken }),
        });
        assert.equal(refused.status, 401);
    });

    it('a CMK registry whose identity lost its vault access refuses pull and push with 403 DENIED; access restored, it serves the same bytes', async () => {
        const clients = clientsFor(emu, undefined, cmk.subscriptionId);
        const vaultName = /^https:\/\/([^.]+)\./.exec(cmk.encryption.keyVaultProperties!.keyIdentifier)![1]!;
        const vault = Object.values(emu.context.world.vaults).find((v) => v.name === vaultName)!;
        const identity = Object.values(cmk.identity!.userAssignedIdentities!)[0]!;
        const policy = {
            tenantId: emu.environment.tenantId,
            objectId: identity.principalId,
            permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] as never[] },
        };
        const token = (await acrTokens(emu, cmk.name, spToken, 'repository:hello-world:pull,push')).accessToken;
        const before = await registryRequest(url(cmk, '/v2/hello-world/manifests/latest'), emu, { headers: bearer(token) });
        assert.equal(before.status, 200);

        await clients.keyVault.vaults.updateAccessPolicy(vault.resourceGroup, vault.name, 'remove', { properties: { accessPolicies: [policy] } });
        const pull = await registryRequest(url(cmk, '/v2/hello-world/manifests/latest'), emu, { headers: bearer(token) });
        assert.equal(pull.status, 403);
        assert.equal(pull.json.errors[0].code, 'DENIED');
        assert.match(
            pull.json.errors[0].message,
            /^Failed to access KeyId 'https:\/\/.+'\. Verify that identity '[0-9a-f-]{36}' has 'Get, Wrap Key, Unwrap Key' permission/,
        );
        const push = await registryRequest(url(cmk, '/v2/hello-world/blobs/uploads/'), emu, { method: 'POST', headers: bearer(token) });
        assert.equal(push.status, 403);
        const catalogToken = (await acrTokens(emu, cmk.name, spToken, 'registry:catalog:*')).accessToken;
        assert.equal((await registryRequest(url(cmk, '/acr/v1/_catalog'), emu, { headers: bearer(catalogToken) })).status, 403);

        await clients.keyVault.vaults.updateAccessPolicy(vault.resourceGroup, vault.name, 'add', { properties: { accessPolicies: [policy] } });
        const after = await registryRequest(url(cmk, '/v2/hello-world/manifests/latest'), emu, { headers: bearer(token) });
        assert.equal(after.status, 200);
        assert.equal(sha256(after.body), sha256(before.body));
    });

    it("keeps a CMK registry's blobs and manifests only as AES-GCM ciphertext, a service-managed registry's as pushed", () => {
        const layerText = 'Hello from the emulator registry (v2)';
        const content = emu.context.world.registryContent![cmk.id.toLowerCase()]!;
        const world = JSON.stringify(content);
        const stored = [...Object.values(content.blobs).map((b) => b.bytes), ...Object.values(content.manifests).map((m) => m.bytes)];
        assert.ok(stored.length >= 6 && stored.every((bytes) => 'sealed' in bytes), 'every stored item of the CMK registry is sealed');
        const image = buildOciImage([{ name: 'hello.txt', content: Buffer.from(`${layerText}\n`) }]);
        for (const plaintext of [image.layers[0]!, image.manifest, image.config]) {
            for (const encoding of ['base64', 'hex'] as const) {
                assert.ok(!world.includes(plaintext.toString(encoding).slice(0, 40)), `no ${encoding} plaintext`);
            }
        }
        const plainContent = emu.context.world.registryContent![plain.id.toLowerCase()]!;
        assert.ok(Object.values(plainContent.blobs).some((b) => 'plain' in b.bytes && Buffer.from(b.bytes.plain, 'base64').equals(image.layers[0]!)));
    });
});
