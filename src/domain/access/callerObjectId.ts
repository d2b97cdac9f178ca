import type { AzureConnection } from '../clients/AzureConnection';
import { armScope } from '../cloud/CloudConfig';
import { DomainError } from '../errors';

/** The signed-in principal's object id: the `oid` claim of its Resource Manager token (the token itself is never kept or logged). */
export async function callerObjectId(connection: Pick<AzureConnection, 'cloud' | 'credential'>): Promise<string> {
    const { oid } = await readTokenClaims(connection);
    if (!oid) {
        throw new DomainError('CallerObjectIdUnavailable');
    }
    return oid;
}

/** Only the identity claims (`oid`, `tid`) of the ARM token; nothing else of it leaves this function. */
export async function readTokenClaims(connection: Pick<AzureConnection, 'cloud' | 'credential'>): Promise<{ oid?: string; tid?: string }> {
    // Asked like the SDK clients ask (their bearer-token policy sets enableCae): @azure/identity keeps CAE and non-CAE
    // tokens in separate caches, so a plain request would sign in a second time (two more round trips mid-flow).
    const token = await connection.credential.getToken(armScope(connection.cloud), { enableCae: true });
    const payload = token?.token.split('.')[1];
    if (!payload) {
        return {};
    }
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
        const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
        return { oid: text(claims.oid), tid: text(claims.tid) };
    } catch {
        return {};
    }
}
