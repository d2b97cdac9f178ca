import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { IssuerEndpoint } from './endpoint';

/** An authorization request as the authorize endpoint accepted it (validated). */
export interface AuthorizationRequest {
    endpoint: IssuerEndpoint;
    clientId: string;
    redirectUri: string;
    responseMode: 'query' | 'form_post' | 'fragment';
    scope: string;
    codeChallenge: string;
    state?: string;
    nonce?: string;
    prompt?: string;
    loginHint?: string;
}
export interface IssuedCode {
    request: AuthorizationRequest;
    userObjectId: string;
    expiresAt: number;
    redeemed: boolean;
}
export interface DeviceFlow {
    deviceCode: string;
    userCode: string;
    clientId: string;
    scope: string;
    expiresAt: number;
    status: 'pending' | 'approved' | 'declined' | 'redeemed';
    userObjectId?: string;
}
export type PageTarget = { kind: 'authorize'; request: AuthorizationRequest } | { kind: 'device'; deviceCode: string };
/** A sign-in page waiting for the user's choice; its id travels in the page's form (and so doubles as a CSRF token). */
export type PendingSignIn = PageTarget & { expiresAt: number };

export const CODE_LIFETIME_MS = 10 * 60_000;
export const DEVICE_CODE_LIFETIME_MS = 15 * 60_000;
const PAGE_LIFETIME_MS = 30 * 60_000;
// Expired codes are kept a while so clients hear "expired" (or "already redeemed"), not "unknown code".
const EXPIRED_KEPT_MS = 60 * 60_000;

/** The issuer's short-lived, in-memory sign-in state (codes, device flows, open pages, the simulated browser session). */
export class SignInState {
    readonly codes = new Map<string, IssuedCode>();
    readonly devices = new Map<string, DeviceFlow>();
    readonly userCodes = new Map<string, string>(); // user code -> device code
    readonly pending = new Map<string, PendingSignIn>();
    /** `POST /_emulator/browser-session`: the account a browser would hold a session cookie for. */
    browserSessionUpn: string | undefined;

    openPage(target: PageTarget): string {
        this.sweep();
        const id = randomBytes(24).toString('base64url');
        this.pending.set(id, { ...target, expiresAt: Date.now() + PAGE_LIFETIME_MS });
        return id;
    }

    page(id: string | null | undefined): PendingSignIn | undefined {
        const page = id ? this.pending.get(id) : undefined;
        return page && page.expiresAt > Date.now() ? page : undefined;
    }

    sweep(now = Date.now()): void {
        for (const [k, v] of this.codes) if (v.expiresAt + EXPIRED_KEPT_MS < now) this.codes.delete(k);
        for (const [k, v] of this.pending) if (v.expiresAt < now) this.pending.delete(k);
        for (const [k, v] of this.devices) {
            if (v.expiresAt + EXPIRED_KEPT_MS < now) {
                this.devices.delete(k);
                this.userCodes.delete(v.userCode);
            }
        }
    }
}

const states = new WeakMap<EmulatorContext, SignInState>();

export function signInState(ctx: EmulatorContext): SignInState {
    let state = states.get(ctx);
    if (!state) states.set(ctx, (state = new SignInState()));
    return state;
}
