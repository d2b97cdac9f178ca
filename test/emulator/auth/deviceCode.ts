import { randomBytes, randomInt } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import { lower } from '../ids';
import { aadError, missingParameter } from './aadError';
import type { IssuerEndpoint } from './endpoint';
import { formOf } from './forms';
import { expiredPage, pickedUser } from './login';
import { publicClientName } from './publicClients';
import { isScopeError, parseUserScopes } from './scopes';
import { DEVICE_CODE_LIFETIME_MS, signInState, type DeviceFlow } from './signInState';
import { accountPicker, deviceCodeEntry, messagePage } from './signInPage';
import { tenantUsers } from './users';
import { userTokenReply } from './userTokens';

const INTERVAL_SECONDS = 5;
const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const deviceLoginUrl = (ctx: EmulatorContext): string => `${ctx.env.authority}/devicelogin`;

export const unknownClient = (clientId: string, endpoint: IssuerEndpoint): HttpReply =>
    aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${endpoint.tenantSegment}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );

/** `POST {authority}/{tenant}/oauth2/v2.0/devicecode` (and v1 `oauth2/devicecode` with `resource`). */
export function startDeviceFlow(ctx: EmulatorContext, ex: HttpExchange, endpoint: IssuerEndpoint): HttpReply {
    const form = formOf(ex);
    const clientId = form.get('client_id');
    if (!clientId) return missingParameter('client_id');
    if (!publicClientName(clientId)) return unknownClient(clientId, endpoint);
    const scope = form.get('scope') ?? (form.get('resource') ? `${form.get('resource')}/.default` : '');
    const access = parseUserScopes(ctx, scope);
    if (isScopeError(access)) return aadError(400, access.error, access.aadsts, access.description);
    const state = signInState(ctx);
    state.sweep();
    const flow: DeviceFlow = {
        deviceCode: randomBytes(48).toString('base64url'),
        clientId,
        scope,
        status: 'pending',
        userCode: Array.from({ length: 9 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join(''),
        expiresAt: Date.now() + DEVICE_CODE_LIFETIME_MS,
    };
    state.devices.set(flow.deviceCode, flow);
    state.userCodes.set(flow.userCode, flow.deviceCode);
    ctx.issued.record('deviceCode', flow.deviceCode);
    const url = deviceLoginUrl(ctx);
    return {
        status: 200,
        headers: { 'cache-control': 'no-store' },
        body: {
            user_code: flow.userCode,
            device_code: flow.deviceCode,
            [endpoint.v1 ? 'verification_url' : 'verification_uri']: url,
            expires_in: DEVICE_CODE_LIFETIME_MS / 1000,
            interval: INTERVAL_SECONDS,
            message: `To sign in, use a web browser to open the page ${url} and enter the code ${flow.userCode} to authenticate.`,
        },
    };
}

/** `GET|POST {authority}/devicelogin`: enter the code, pick the account (or cancel), done. */
export function handleDeviceLogin(ctx: EmulatorContext, ex: HttpExchange): HttpReply {
    const action = '/devicelogin'; // same-origin (form-action 'self'), whichever host name the page was opened under
    if (ex.method !== 'POST') return deviceCodeEntry(action);
    const form = formOf(ex);
    const state = signInState(ctx);
    if (form.has('otc')) {
        const deviceCode = state.userCodes.get((form.get('otc') ?? '').replace(/[\s-]/g, '').toUpperCase());
        const flow = deviceCode ? state.devices.get(deviceCode) : undefined;
        if (!flow || flow.status !== 'pending') return deviceCodeEntry(action, "That code didn't work. Check the code and try again.");
        if (flow.expiresAt < Date.now()) return deviceCodeEntry(action, 'That code has expired. Go back to your device and request a new one.');
        const flowId = state.openPage({ kind: 'device', deviceCode: flow.deviceCode });
        return accountPicker({ action, flowId, appName: publicClientName(flow.clientId)!, users: tenantUsers(ctx), offerCancel: true });
    }
    const flowId = form.get('ctx') ?? '';
    const page = state.page(flowId);
    const flow = page?.kind === 'device' ? state.devices.get(page.deviceCode) : undefined;
    if (!flow || flow.status !== 'pending' || flow.expiresAt < Date.now()) return expiredPage();
    const appName = publicClientName(flow.clientId)!;
    if (form.has('decline')) {
        state.pending.delete(flowId);
        flow.status = 'declined';
        return messagePage(200, 'Sign-in cancelled', `You declined to sign in to ${appName} on the other device. You can close this window.`);
    }
    const picked = pickedUser(ctx, form);
    if ('error' in picked) return accountPicker({ action, flowId, appName, users: tenantUsers(ctx), offerCancel: true, error: picked.error });
    state.pending.delete(flowId);
    Object.assign(flow, { status: 'approved', userObjectId: picked.user.objectId });
    return messagePage(200, appName, `You have signed in to the ${appName} application on your device. You may now close this window.`);
}

/** The token endpoint's device code grant (`urn:ietf:params:oauth:grant-type:device_code`; ADAL's `device_code` + `code`). */
export function redeemDeviceCode(ctx: EmulatorContext, form: URLSearchParams, endpoint: IssuerEndpoint): HttpReply {
    const deviceCode = form.get('device_code') ?? form.get('code');
    if (!deviceCode) return missingParameter('device_code');
    const flow = signInState(ctx).devices.get(deviceCode);
    if (!flow) return aadError(400, 'bad_verification_code', 70018, "The provided value for the input parameter 'device_code' is not valid.");
    if (lower(flow.clientId) !== lower(form.get('client_id') ?? '')) {
        return aadError(400, 'invalid_grant', 70000, 'The device code was issued to a different client.');
    }
    if (flow.status === 'redeemed') {
        return aadError(400, 'invalid_grant', 54005, 'OAuth2 device code was already redeemed, please start a new device code flow.');
    }
    if (flow.expiresAt < Date.now()) return aadError(400, 'expired_token', 70019, 'Verification code expired.');
    if (flow.status === 'declined') return aadError(400, 'authorization_declined', 65004, 'User declined to consent to access the app.');
    const user = flow.status === 'approved' ? tenantUsers(ctx).find((u) => u.objectId === flow.userObjectId) : undefined;
    if (!user) return aadError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
    const access = parseUserScopes(ctx, flow.scope);
    if (isScopeError(access)) return aadError(400, access.error, access.aadsts, access.description);
    flow.status = 'redeemed';
    return userTokenReply(ctx, endpoint, { user, clientId: flow.clientId, access, clientInfo: form.get('client_info') === '1' });
}
