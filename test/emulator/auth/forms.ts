import type { HttpExchange } from '../http';

/** A request's form body (`application/x-www-form-urlencoded`), as every OAuth endpoint takes it. */
export const formOf = (ex: HttpExchange): URLSearchParams => new URLSearchParams(ex.body.toString('utf8'));

/** Query parameters, plus the form body of a POST (OpenID Connect allows both for the authorization endpoint). */
export function requestParameters(ex: HttpExchange): URLSearchParams {
    const params = new URLSearchParams(ex.query);
    if (ex.method === 'POST') for (const [k, v] of formOf(ex)) params.set(k, v);
    return params;
}
