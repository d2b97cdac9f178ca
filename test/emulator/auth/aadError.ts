import type { HttpReply } from '../http';

/** An AAD-shaped OAuth error (`{error, error_description, error_codes}`). */
export function aadError(status: number, error: string, aadsts: number, description: string): HttpReply {
    return {
        status,
        body: {
            error,
            error_description: `AADSTS${aadsts}: ${description}`,
            error_codes: [aadsts],
            timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
            trace_id: '00000000-0000-0000-0000-000000000000',
            correlation_id: '00000000-0000-0000-0000-000000000000',
        },
    };
}

/** A missing form parameter, as Entra words it. */
export const missingParameter = (name: string): HttpReply =>
    aadError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
