import { strict as assert } from 'node:assert';
import { PublicClientApplication } from '@azure/msal-node';
import type { RunningEmulator } from '../../emulator/index';
import type { World } from '../../emulator/types';
import { signInState } from '../../emulator/auth/signInState';
import { baseWorld, parseSeed, seedWorld } from '../../emulator/seed';
import { admin, call, startForSuite } from './harness';
import { clientsFor } from './clients';
import {
    answerOf,
    authorizeUrl,
    claimsOf,
    environmentUsers,
    formsOf,
    issuedSecrets,
    msalNetwork,
    pickAccount,
    pkce,
    postForm,
    tokenEndpoint,
    userCredential,
    VSCODE_CLIENT_ID,
} from './signInDriver';

const OWNER = 'owner@emulator.localhost';
const READER = 'reader@emulator.localhost';
const NO_ROLE = 'norole@emulator.localhost';

describe('emulator: identity platform for interactive (public) clients', function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    before(async () => {
        emu = await startForSuite('identity-platform');
    });
    afterEach(() => admin(emu, 'DELETE', 'browser-session'));
    after(() => emu.stop());

    it('serves OpenID Connect v2 metadata for the tenant and for organizations, and instance discovery for this host only', async () => {
        const env = emu.environment;
        for (const tenant of [env.tenantId, 'organizations', 'common']) {
            const meta = (await call(emu, 'GET', `${env.authority}/${tenant}/v2.0/.well-known/openid-configuration`)).body;
            const base = `${env.authority}/${env.tenantId}`;
            assert.equal(meta.issuer, `${base}/v2.0`);
            assert.deepEqual(
                [meta.authorization_endpoint, meta.token_endpoint, meta.device_authorization_endpoint, meta.end_session_endpoint, meta.jwks_uri],
                [
                    `${base}/oauth2/v2.0/authorize`,
                    `${base}/oauth2/v2.0/token`,
                    `${base}/oauth2/v2.0/devicecode`,
                    `${base}/oauth2/v2.0/logout`,
                    `${base}/discovery/v2.0/keys`,
                ],
            );
            assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
            assert.deepEqual(meta.response_types_supported, ['code']);
            assert.ok(['query', 'form_post'].every((m) => meta.response_modes_supported.includes(m)));
            assert.ok(meta.grant_types_supported.includes('urn:ietf:params:oauth:grant-type:device_code'));
        }
        const authorize = `${env.authority}/organizations/oauth2/v2.0/authorize`;
        const found = await call(
            emu,
            'GET',
            `${env.authority}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
        );
        assert.equal(found.body.tenant_discovery_endpoint, `${env.authority}/organizations/v2.0/.well-known/openid-configuration`);
        assert.ok(found.body.metadata[0].aliases.includes(`localhost:${emu.port}`));
        const foreign = await call(
            emu,
            'GET',
            `${env.authority}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://login.example.com/common/oauth2/v2.0/authorize')}`,
        );
        assert.deepEqual([foreign.status, foreign.body.error], [400, 'invalid_instance']);
    });

    it('signs in with MSAL Node (custom authority, knownAuthorities, loopback + form_post + PKCE) and refreshes for Key Vault', async () => {
        const env = emu.environment;
        const owner = environmentUsers(emu).find((u) => u.upn === OWNER)!;
        const pca = new PublicClientApplication({
            auth: { clientId: VSCODE_CLIENT_ID, authority: `${env.authority}/organizations`, knownAuthorities: [`localhost:${emu.port}`] },
            system: { networkClient: msalNetwork(emu) },
        });
        let picker = '';
        const result = await pca.acquireTokenInteractive({
            scopes: [`${env.armAudience}.default`],
            prompt: 'select_account',
            openBrowser: async (url) => {
                const page = await call(emu, 'GET', url);
                picker = String(page.body);
                const answer = formsOf(String((await pickAccount(emu, picker, OWNER)).body))[0]!; // form_post: the browser posts it to the loopback
                await fetch(answer.action, { method: 'POST', body: new URLSearchParams(answer.fields) });
            },
        });
        assert.match(picker, /Pick an account[\s\S]*Olivia Owner[\s\S]*Use another account/);
        assert.equal(result.account?.username, OWNER);
        const id = result.idTokenClaims as Record<string, unknown>;
        assert.deepEqual(
            [id.preferred_username, id.name, id.oid, id.tid, id.aud, id.iss],
            [OWNER, owner.displayName, owner.objectId, env.tenantId, VSCODE_CLIENT_ID, `${env.authority}/${env.tenantId}/v2.0`],
        );
        const at = claimsOf(result.accessToken);
        assert.deepEqual(
            [at.aud, at.oid, at.upn, at.tid, at.scp, at.appid],
            [env.armAudience.replace(/\/$/, ''), owner.objectId, OWNER, env.tenantId, 'user_impersonation', VSCODE_CLIENT_ID],
        );
        const vault = await pca.acquireTokenSilent({ account: result.account!, scopes: [`${env.keyVaultAudience}/.default`] });
        assert.deepEqual([claimsOf(vault.accessToken).aud, claimsOf(vault.accessToken).oid], [env.keyVaultAudience, owner.objectId]);
    });

    it('echoes state and nonce; a code is single-use and needs the right verifier (invalid_grant otherwise)', async () => {
        const { verifier, challenge } = pkce();
        const redirectUri = 'http://localhost:61000/auth';
        const page = await call(emu, 'GET', authorizeUrl(emu, { challenge, redirectUri, state: 's-1', nonce: 'n-1' }));
        assert.equal(page.status, 200);
        assert.match(page.headers['content-security-policy']!, /default-src 'none'.*form-action 'self' http:\/\/localhost:61000/);
        assert.doesNotMatch(String(page.body), /<(script|link|img|iframe)\b|https?:\/\/(?!localhost)/);
        const reply = await pickAccount(emu, String(page.body), OWNER);
        assert.equal(reply.status, 302);
        assert.ok(reply.headers.location!.startsWith(`${redirectUri}?`));
        const { code, state } = answerOf(reply);
        assert.equal(state, 's-1');
        const redeem = (codeVerifier: string) =>
            postForm(emu, tokenEndpoint(emu), {
                grant_type: 'authorization_code',
                client_id: VSCODE_CLIENT_ID,
                code: code!,
                redirect_uri: redirectUri,
                code_verifier: codeVerifier,
                scope: `${emu.environment.armAudience}.default openid offline_access`,
            });
        const wrong = await redeem(pkce().verifier);
        assert.deepEqual([wrong.status, wrong.body.error], [400, 'invalid_grant']);
        assert.match(wrong.body.error_description, /^AADSTS501481: The Code_Verifier does not match/);
        const ok = await redeem(verifier);
        assert.equal(ok.status, 200);
        assert.equal(claimsOf(ok.body.id_token).nonce, 'n-1');
        assert.ok(ok.body.refresh_token && !ok.body.refresh_token.includes('.ey'), 'an opaque refresh token');
        const again = await redeem(verifier);
        assert.deepEqual([again.status, again.body.error], [400, 'invalid_grant']);
        assert.match(again.body.error_description, /^AADSTS54005: OAuth2 Authorization code was already redeemed/);
    });

    it('refuses reply URLs other than loopback http (AADSTS50011), on its own page', async () => {
        for (const redirectUri of ['https://evil.example/callback', 'https://localhost:51234/', 'http://localhost.evil.example/', 'http://192.168.1.5:8080/']) {
            const res = await call(emu, 'GET', authorizeUrl(emu, { redirectUri }));
            assert.equal(res.status, 400, redirectUri);
            assert.equal(res.headers.location, undefined, redirectUri);
            assert.match(String(res.body), /AADSTS50011: The redirect URI/, redirectUri);
        }
        for (const redirectUri of ['http://127.0.0.1:1/x', 'http://localhost/', 'http://[::1]:9999/']) {
            assert.equal((await call(emu, 'GET', authorizeUrl(emu, { redirectUri }))).status, 200, redirectUri);
        }
        const unknownApp = await call(emu, 'GET', authorizeUrl(emu, { clientId: '11111111-2222-4333-8444-555555555555' }));
        assert.match(String(unknownApp.body), /AADSTS700016/);
    });

    it('"Use another account" with a name the tenant does not have shows AADSTS50034 and no code', async () => {
        const page = await call(emu, 'GET', authorizeUrl(emu));
        const other = formsOf(String(page.body))[1]!;
        const res = await postForm(emu, other.action, { ...other.fields, login: 'nobody@emulator.localhost', other: '1' });
        assert.equal(res.status, 400);
        assert.equal(res.headers.location, undefined);
        assert.match(String(res.body), /AADSTS50034: The user account nobody@emulator\.localhost does not exist/);
    });

    it('a refresh token buys tokens for another resource of the tenant; a tampered one is invalid_grant', async () => {
        const env = emu.environment;
        const { verifier, challenge } = pkce();
        const flow = await call(emu, 'GET', authorizeUrl(emu, { redirectUri: 'http://localhost:5000/', challenge }));
        const { code } = answerOf(await pickAccount(emu, String(flow.body), 'reader@emulator.localhost'));
        const first = (
            await postForm(emu, tokenEndpoint(emu), {
                grant_type: 'authorization_code',
                client_id: VSCODE_CLIENT_ID,
                code: code!,
                redirect_uri: 'http://localhost:5000/',
                code_verifier: verifier,
            })
        ).body;
        const refresh = (refreshToken: string, clientId = VSCODE_CLIENT_ID) =>
            postForm(emu, tokenEndpoint(emu), {
                grant_type: 'refresh_token',
                client_id: clientId,
                refresh_token: refreshToken,
                scope: `${env.keyVaultAudience}/.default offline_access`,
            });
        const vault = await refresh(first.refresh_token);
        assert.equal(vault.status, 200);
        assert.deepEqual([claimsOf(vault.body.access_token).aud, claimsOf(vault.body.access_token).upn], [env.keyVaultAudience, 'reader@emulator.localhost']);
        assert.equal(vault.body.scope, `${env.keyVaultAudience}/.default`);
        const tampered = await refresh(`${first.refresh_token.slice(0, -3)}AAA`);
        assert.deepEqual([tampered.status, tampered.body.error], [400, 'invalid_grant']);
        assert.equal((await refresh(first.refresh_token, '04b07795-8ddb-461a-bbee-02f9e1bf7b46')).body.error, 'invalid_grant');
    });

    it("device code: pending, then completed on the emulator's page, then tokens; declined and expired codes say so", async () => {
        const env = emu.environment;
        const start = () =>
            postForm(emu, `${env.authority}/organizations/oauth2/v2.0/devicecode`, {
                client_id: VSCODE_CLIENT_ID,
                scope: `${env.armAudience}.default openid offline_access`,
            });
        const poll = (deviceCode: string) =>
            postForm(emu, tokenEndpoint(emu), {
                grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
                client_id: VSCODE_CLIENT_ID,
                device_code: deviceCode,
            });
        const flow = (await start()).body;
        assert.equal(flow.verification_uri, `${env.authority}/devicelogin`);
        assert.ok(flow.user_code && flow.device_code && flow.expires_in === 900 && flow.interval === 5 && flow.message.includes(flow.user_code));
        const pending = await poll(flow.device_code);
        assert.deepEqual([pending.status, pending.body.error], [400, 'authorization_pending']);
        const entry = await call(emu, 'GET', flow.verification_uri);
        assert.match(String(entry.body), /Enter code/);
        assert.match(String((await postForm(emu, flow.verification_uri, { otc: 'WRONGCODE' })).body), /That code didn&#39;t work/);
        const picker = await postForm(emu, flow.verification_uri, { otc: flow.user_code });
        const done = await pickAccount(emu, String(picker.body), OWNER);
        assert.match(String(done.body), /You have signed in to the Visual Studio Code application/);
        const tokens = await poll(flow.device_code);
        assert.equal(tokens.status, 200);
        assert.equal(claimsOf(tokens.body.access_token).upn, OWNER);
        assert.equal(claimsOf(tokens.body.id_token).preferred_username, OWNER);
        assert.equal((await poll(flow.device_code)).body.error, 'invalid_grant');

        const declined = (await start()).body;
        const declinePage = formsOf(String((await postForm(emu, flow.verification_uri, { otc: declined.user_code })).body));
        await postForm(emu, declinePage[2]!.action, { ...declinePage[2]!.fields, decline: '1' });
        assert.equal((await poll(declined.device_code)).body.error, 'authorization_declined');

        const expired = (await start()).body;
        signInState(emu.context).devices.get(expired.device_code)!.expiresAt = Date.now() - 1;
        assert.equal((await poll(expired.device_code)).body.error, 'expired_token');
        assert.equal((await poll('not-a-device-code')).body.error, 'bad_verification_code');
    });

    it('a browser session makes authorize answer at once; prompt=select_account still shows the picker; DELETE clears it', async () => {
        assert.equal((await admin(emu, 'POST', 'browser-session', { upn: 'nobody@emulator.localhost' })).status, 404);
        const set = await admin(emu, 'POST', 'browser-session', { upn: OWNER });
        assert.equal(set.body.upn, OWNER);
        const immediate = await call(emu, 'GET', authorizeUrl(emu, { state: 'st' }));
        assert.equal(immediate.status, 302);
        assert.ok(answerOf(immediate).code);
        assert.equal(answerOf(immediate).state, 'st');
        const formPost = await call(emu, 'GET', authorizeUrl(emu, { responseMode: 'form_post' }));
        assert.ok(formsOf(String(formPost.body))[0]!.fields.code, 'form_post answers with a self-posting form');
        assert.match(formPost.headers['content-security-policy']!, /script-src 'sha256-/);
        const showPicker: Record<string, string>[] = [{ prompt: 'select_account' }, { prompt: 'login' }, { login_hint: 'reader@emulator.localhost' }];
        for (const extra of showPicker) {
            const page = await call(emu, 'GET', authorizeUrl(emu, { extra }));
            assert.equal(page.status, 200, JSON.stringify(extra));
            assert.match(String(page.body), /Pick an account/);
        }
        assert.equal((await admin(emu, 'DELETE', 'browser-session')).status, 204);
        assert.equal((await call(emu, 'GET', authorizeUrl(emu))).status, 200);
        const silent = await call(emu, 'GET', authorizeUrl(emu, { extra: { prompt: 'none' } }));
        assert.equal(answerOf(silent).error, 'login_required');
    });

    it('the bare world (no --seed) gives the users their subscription roles, the same on every start: the owner lists every subscription', async () => {
        const env = emu.environment;
        const users = environmentUsers(emu);
        assert.deepEqual(
            users.map((u) => u.upn),
            [OWNER, READER, NO_ROLE],
        );
        const userRoles = (world: World) =>
            Object.values(world.roleAssignments)
                .filter((a) => a.principalType === 'User')
                .map((a) => [a.id, a.principalId, a.scope, a.roleDefinitionId.split('/').pop()])
                .sort();
        const subs = env.subscriptions.map((s) => `/subscriptions/${s.id}`);
        assert.deepEqual(
            userRoles(emu.context.world)
                .map(([, principalId, scope, role]) => [principalId, scope, role])
                .sort(),
            [
                ...subs.map((scope) => [users[0]!.objectId, scope, '8e3af657-a8ff-443c-a75c-2fe8c4bcb635']),
                [users[1]!.objectId, subs[0], 'acdd72a7-3385-48ef-bd42-f606fba81ae7'],
            ].sort(),
        );
        const again = baseWorld();
        await seedWorld({ env, keyPool: emu.context.keyPool }, again, parseSeed(undefined), '');
        assert.deepEqual(userRoles(again), userRoles(emu.context.world), 'deterministic: the same assignments on every start');
        const list = async (upn: string) => {
            const out: string[] = [];
            for await (const s of clientsFor(emu, userCredential(emu, upn)).subscriptions.subscriptions.list()) out.push(s.subscriptionId!);
            return out.sort();
        };
        assert.deepEqual(await list(OWNER), env.subscriptions.map((s) => s.id).sort());
        assert.deepEqual(await list(READER), [env.subscriptions[0]!.id]);
        assert.deepEqual(await list(NO_ROLE), []);
    });

    it("Graph answers /me for a user's token with the user (`az ad signed-in-user show`, `az keyvault create`); an app's token still gets 400", async () => {
        const env = emu.environment;
        for (const user of environmentUsers(emu)) {
            const token = (await userCredential(emu, user.upn).getToken(`${env.graphEndpoint}.default`))!.token;
            const me = await call(emu, 'GET', `${env.graphEndpoint}v1.0/me`, { token });
            assert.equal(me.status, 200, JSON.stringify(me.body));
            assert.deepEqual(
                [me.body['@odata.context'], me.body.id, me.body.displayName, me.body.userPrincipalName],
                [`${env.graphEndpoint}v1.0/$metadata#users/$entity`, user.objectId, user.displayName, user.upn],
            );
        }
        const owner = environmentUsers(emu).find((u) => u.upn === OWNER)!;
        const token = (await userCredential(emu, OWNER).getToken(`${env.graphEndpoint}.default`))!.token;
        // The CLI's fallback when /me fails (the user by UPN), and `az ad user show --id <upn|id>`.
        const byUpn = await call(emu, 'GET', `${env.graphEndpoint}v1.0/users?$filter=${encodeURIComponent(`userPrincipalName eq '${OWNER}'`)}`, { token });
        assert.deepEqual(
            byUpn.body.value.map((u: { id: string }) => u.id),
            [owner.objectId],
        );
        for (const key of [OWNER, owner.objectId]) {
            assert.equal((await call(emu, 'GET', `${env.graphEndpoint}v1.0/users/${encodeURIComponent(key)}`, { token })).body.id, owner.objectId);
        }
        const unknown = await call(emu, 'GET', `${env.graphEndpoint}v1.0/users/nobody@emulator.localhost`, { token });
        assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'Request_ResourceNotFound']);
        // A token for Resource Manager is not one for Graph.
        const armToken = (await userCredential(emu, OWNER).getToken(`${env.armAudience}.default`))!.token;
        assert.equal((await call(emu, 'GET', `${env.graphEndpoint}v1.0/me`, { token: armToken })).body.error.code, 'InvalidAuthenticationTokenAudience');
        // A service principal has no signed-in user, as in Graph; its own lookup is unchanged.
        const appToken = (await admin(emu, 'POST', 'tokens', { audience: env.graphEndpoint })).body.access_token as string;
        const appMe = await call(emu, 'GET', `${env.graphEndpoint}v1.0/me`, { token: appToken });
        assert.deepEqual([appMe.status, appMe.body.error.message], [400, '/me request is only valid with delegated authentication flow.']);
        const sps = await call(emu, 'GET', `${env.graphEndpoint}v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '${env.clientId}')`, {
            token: appToken,
        });
        assert.equal(sps.body.value[0].id, env.principalObjectId);
    });

    it('records every code, device code, refresh token and token it issued with the other issued secrets', async () => {
        const env = emu.environment;
        await admin(emu, 'POST', 'browser-session', { upn: OWNER });
        const { verifier, challenge } = pkce();
        const { code } = answerOf(await call(emu, 'GET', authorizeUrl(emu, { challenge, redirectUri: 'http://localhost:7000/' })));
        const tokens = (
            await postForm(emu, tokenEndpoint(emu), {
                grant_type: 'authorization_code',
                client_id: VSCODE_CLIENT_ID,
                code: code!,
                redirect_uri: 'http://localhost:7000/',
                code_verifier: verifier,
            })
        ).body;
        const device = (await postForm(emu, `${env.authority}/${env.tenantId}/oauth2/v2.0/devicecode`, { client_id: VSCODE_CLIENT_ID, scope: 'openid' })).body;
        const recorded = new Map(issuedSecrets(emu).map((s) => [s.value, s.kind]));
        assert.equal(recorded.get(code!), 'authorizationCode');
        assert.equal(recorded.get(tokens.refresh_token), 'refreshToken');
        assert.equal(recorded.get(tokens.access_token.split('.')[2]), 'accessTokenSignature');
        assert.equal(recorded.get(tokens.id_token.split('.')[2]), 'idTokenSignature');
        assert.equal(recorded.get(device.device_code), 'deviceCode');
    });
});
