import type { HttpExchange } from '../http';

/** A token request's parameters: the form body of a POST, else the query (docker and skopeo GET the token endpoint). */
export function formParams(ex: HttpExchange): Record<string, string> {
    const params: Record<string, string> = { ...ex.query };
    const type = String(ex.headers['content-type'] ?? '');
    if (ex.method === 'POST' && ex.body.length > 0 && /application\/x-www-form-urlencoded/i.test(type)) {
        const form = new URLSearchParams(ex.body.toString('utf8'));
        const scopes = form.getAll('scope');
        for (const [k, v] of form) params[k] = v;
        if (scopes.length > 1) params.scope = scopes.join(' ');
    }
    return params;
}

/** `Authorization: Basic base64(user:password)` → its parts. */
export function basicCredentials(ex: HttpExchange): { username: string; password: string } | undefined {
    const header = ex.headers.authorization;
    const m = typeof header === 'string' ? /^Basic\s+(\S+)$/i.exec(header) : null;
    if (!m) return undefined;
    const text = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    return colon < 0 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
