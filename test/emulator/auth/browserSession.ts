import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import { requestParameters } from './forms';
import { isLoopbackRedirect } from './publicClients';
import { signInState } from './signInState';
import { messagePage } from './signInPage';
import { findUser } from './users';

/**
 * `POST /_emulator/browser-session {"upn"}`: from now on the authorization endpoint answers at once for this user
 * (unless `prompt=login|select_account`, or a `login_hint` names someone else), as Entra does for a browser holding a
 * session. `DELETE` clears it (so does signing out).
 */
export function browserSessionRoute(ctx: EmulatorContext, method: string, body: { upn?: unknown } | undefined): HttpReply {
    const state = signInState(ctx);
    if (method === 'DELETE') {
        state.browserSessionUpn = undefined;
        return { status: 204 };
    }
    const user = findUser(ctx, typeof body?.upn === 'string' ? body.upn : undefined);
    if (!user) {
        return {
            status: 404,
            body: { error: { code: 'UserNotFound', message: `No user '${String(body?.upn)}' in the tenant (see users in environment.json).` } },
        };
    }
    state.browserSessionUpn = user.upn;
    return { status: 200, body: { upn: user.upn, objectId: user.objectId, displayName: user.displayName } };
}

/** `{authority}/{tenant}/oauth2/v2.0/logout`: ends the browser session, then back to a loopback `post_logout_redirect_uri`. */
export function handleLogout(ctx: EmulatorContext, ex: HttpExchange): HttpReply {
    signInState(ctx).browserSessionUpn = undefined;
    const back = requestParameters(ex).get('post_logout_redirect_uri');
    if (isLoopbackRedirect(back)) return { status: 302, headers: { location: back!, 'cache-control': 'no-store' } };
    return messagePage(200, 'You signed out of your account', "It's a good idea to close all browser windows.");
}
