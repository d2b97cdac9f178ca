import { strict as assert } from 'node:assert';
import { createPublicKey, verify } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/index';
import { admin, armToken, call, credentialFor, startForSuite } from './harness';
import { failure } from './clients';

describe('emulator: token issuer, bearer validation and Graph', function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    before(async () => {
        emu = await startForSuite('auth');
    });
    after(() => emu.stop());

    it('serves OIDC discovery for the tenant (v2.0 and v1) and for /adfs', async () => {
        const env = emu.environment;
        for (const path of [
            `${env.tenantId}/v2.0/.well-known/openid-configuration`,
            `${env.tenantId}/.well-known/openid-configuration`,
            'adfs/.well-known/openid-configuration',
        ]) {
            const res = await call(emu, 'GET', `${env.armEndpoint}${path}`);
            assert.equal(res.status, 200, path);
            assert.ok(res.body.token_endpoint.startsWith(env.authority), path);
            assert.ok(res.body.authorization_endpoint && res.body.jwks_uri && res.body.issuer, path);
        }
        assert.equal((await call(emu, 'GET', `${env.armEndpoint}not-a-tenant/v2.0/.well-known/openid-configuration`)).status, 400);
    });

    it('issues RS256 JWTs with tid, oid, appid, aud, exp, verifiable with the JWKS', async () => {
        const env = emu.environment;
        const token = await armToken(emu);
        const [h, p, s] = token.split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
        // As in Entra ID: scope `<resource>/.default` yields aud `<resource>` (so `https://management.localhost/.default` → no trailing slash).
        assert.deepEqual(
            [claims.tid, claims.oid, claims.appid, claims.aud],
            [env.tenantId, env.principalObjectId, env.clientId, env.armAudience.replace(/\/$/, '')],
        );
        assert.ok(claims.exp > Date.now() / 1000 && claims.iat <= Date.now() / 1000 + 1);
        const header = JSON.parse(Buffer.from(h, 'base64url').toString());
        const jwks = (await call(emu, 'GET', `${env.armEndpoint}${env.tenantId}/discovery/v2.0/keys`)).body;
        const jwk = jwks.keys.find((k: { kid: string }) => k.kid === header.kid);
        assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url')));
    });

    it("refuses a bad secret and an unknown client with AAD's invalid_client", async () => {
        const env = emu.environment;
        const form = (id: string, secret: string) =>
            new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret, scope: `${env.armAudience}.default` }).toString();
        const bad = await call(emu, 'POST', `${env.armEndpoint}${env.tenantId}/oauth2/v2.0/token`, { body: form(env.clientId, 'wrong') });
        assert.deepEqual([bad.status, bad.body.error], [401, 'invalid_client']);
        assert.match(bad.body.error_description, /^AADSTS7000215/);
        const unknown = await call(emu, 'POST', `${env.armEndpoint}adfs/oauth2/token`, { body: form('00000000-0000-4000-8000-000000000000', 'x') });
        assert.deepEqual([unknown.status, unknown.body.error], [401, 'invalid_client']);
        const sdk = await failure(credentialFor(emu, env.clientId, 'wrong').getToken(`${env.armAudience}.default`));
        assert.match(sdk.message, /invalid_client/);
    });

    it("ARM answers 401 in Azure's shape: missing, invalid, expired, wrong audience", async () => {
        const env = emu.environment;
        const url = `${env.armEndpoint}subscriptions?api-version=2022-12-01`;
        const missing = await call(emu, 'GET', url);
        assert.deepEqual([missing.status, missing.body.error.code], [401, 'AuthenticationFailed']);
        assert.match(missing.headers['www-authenticate']!, /^Bearer authorization_uri=".*", error="invalid_token"/);
        const token = await armToken(emu);
        const tampered = `${token.slice(0, -4)}AAAA`;
        assert.equal((await call(emu, 'GET', url, { token: tampered })).body.error.code, 'InvalidAuthenticationToken');
        const expired = (await admin(emu, 'POST', 'tokens', { expiresInSeconds: -60 })).body.access_token;
        assert.equal((await call(emu, 'GET', url, { token: expired })).body.error.code, 'ExpiredAuthenticationToken');
        const vaultToken = (await credentialFor(emu).getToken(`${env.keyVaultAudience}/.default`)).token;
        assert.equal((await call(emu, 'GET', url, { token: vaultToken })).body.error.code, 'InvalidAuthenticationTokenAudience');
        const noSlash = (await admin(emu, 'POST', 'tokens', { audience: env.armAudience.replace(/\/$/, '') })).body.access_token;
        assert.equal((await call(emu, 'GET', url, { token: noSlash })).status, 200);
        assert.equal((await call(emu, 'GET', `${env.armEndpoint}subscriptions`, { token })).body.error.code, 'MissingApiVersionParameter');
    });

    it('serves metadata/endpoints and the bits of Graph the Azure CLI asks for', async () => {
        const env = emu.environment;
        const meta = (await call(emu, 'GET', `${env.armEndpoint}metadata/endpoints?api-version=2015-01-01`)).body;
        assert.equal(meta.authentication.loginEndpoint, env.adfsAuthority);
        assert.deepEqual(meta.authentication.audiences, [env.armAudience]);
        const graphToken = (await credentialFor(emu).getToken(`${env.graphEndpoint}.default`)).token;
        const me = await call(emu, 'GET', `${env.graphEndpoint}v1.0/me`, { token: graphToken });
        assert.equal(me.status, 400);
        const sps = await call(emu, 'GET', `${env.graphEndpoint}v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '${env.clientId}')`, {
            token: graphToken,
        });
        assert.equal(sps.body.value[0].id, env.principalObjectId);
    });

    it('writes environment.json and az-cloud.json with the ADFS authority and the vault suffix with port', async () => {
        const { readFileSync } = await import('node:fs');
        const { dirname, join } = await import('node:path');
        const dir = dirname(dirname(emu.environment.caCertPath));
        const cloud = JSON.parse(readFileSync(join(dir, 'az-cloud.json'), 'utf8'));
        assert.equal(cloud.endpoints.activeDirectory, emu.environment.adfsAuthority);
        assert.equal(cloud.endpoints.resourceManager, emu.environment.armEndpoint);
        assert.equal(cloud.endpoints.activeDirectoryResourceId, emu.environment.armAudience);
        assert.equal(cloud.suffixes.keyvaultDns, `.vault.localhost:${emu.port}`);
        assert.deepEqual(JSON.parse(readFileSync(join(dir, 'environment.json'), 'utf8')), JSON.parse(JSON.stringify(emu.environment)));
    });
});
