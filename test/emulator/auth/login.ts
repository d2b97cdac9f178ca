import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import type { TenantUser } from '../types';
import { completeAuthorization, pickerFor } from './authorize';
import { formOf } from './forms';
import { signInState } from './signInState';
import { messagePage } from './signInPage';
import { findUser } from './users';

/** The account chosen on a picker (a button, or a name typed under "Use another account"), or why there is none. */
export function pickedUser(ctx: EmulatorContext, form: URLSearchParams): { user: TenantUser } | { error: string } {
    const login = (form.get('login') ?? '').trim();
    if (!login) return { error: 'Enter a valid email address or username.' };
    const user = findUser(ctx, login);
    if (user) return { user };
    return {
        error: `AADSTS50034: The user account ${login} does not exist in the '${ctx.world.tenantId}' directory. To sign into this application, the account must be added to the directory.`,
    };
}

export const expiredPage = (): HttpReply =>
    messagePage(400, 'Sign in', 'AADSTS90014: This sign-in page has expired or was already used. Start the sign-in again from your application.');

/** `POST {authority}/{tenant}/login`: the account picker of an authorization request was answered. */
export function handleLogin(ctx: EmulatorContext, ex: HttpExchange): HttpReply {
    const form = formOf(ex);
    const flowId = form.get('ctx') ?? '';
    const state = signInState(ctx);
    const page = state.page(flowId);
    if (page?.kind !== 'authorize') return expiredPage();
    const picked = pickedUser(ctx, form);
    if ('error' in picked) return pickerFor(ctx, page.request, flowId, picked.error);
    state.pending.delete(flowId);
    return completeAuthorization(ctx, page.request, picked.user);
}
