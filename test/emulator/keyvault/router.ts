import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import { jsonBody } from '../http';
import { ArmError } from '../errors';
import { findVaultByName } from '../store';
import { authenticateVault } from '../auth/validate';
import { handleKeys, callerOf } from './keys';

/** The vault name when the request's Host is `<vault>.<vault dns suffix>`. */
export function vaultNameFromHost(ctx: EmulatorContext, hostname: string): string | undefined {
    const suffix = `.${ctx.vaultHostSuffix}`;
    return hostname.endsWith(suffix) ? hostname.slice(0, -suffix.length) : undefined;
}

export async function handleVaultHost(ctx: EmulatorContext, ex: HttpExchange, vaultName: string): Promise<HttpReply> {
    const vault = findVaultByName(ctx.world, vaultName);
    if (!vault) {
        return {
            status: 404,
            body: { error: { code: 'VaultNotFound', message: `The vault '${vaultName}' does not exist (in Azure its DNS name would not resolve).` } },
        };
    }
    const auth = authenticateVault(ctx, ex);
    if ('reply' in auth) return auth.reply;
    if (!ex.query['api-version']) {
        return { status: 400, body: { error: { code: 'BadParameter', message: 'The api-version query parameter is missing.' } } };
    }
    const body = jsonBody(ex);
    if (body === Symbol.for('invalid-json')) return { status: 400, body: { error: { code: 'BadParameter', message: 'The request body is not valid JSON.' } } };
    const segments = ex.path
        .split('/')
        .filter((s, i) => i > 0)
        .map((s, i) => (i === 1 ? s : s.toLowerCase()));
    try {
        const res = await handleKeys(ctx, vault, { method: ex.method, segments, query: ex.query, body, caller: callerOf(auth.principal) });
        if (ex.method !== 'GET' && res.status < 300) ctx.changed();
        return res;
    } catch (e) {
        if (e instanceof ArmError) return e.toResponse();
        throw e;
    }
}
