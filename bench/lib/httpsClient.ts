import * as https from 'node:https';
import type { EmulatorEnvironment } from '../../test/emulator';

export interface HttpsAnswer {
    status: number;
    body: string;
    headers: Record<string, string | string[] | undefined>;
}

/** One HTTPS request with the given CA (no SDK: the benchmark's own plumbing, never what is measured). */
export function httpsRequest(
    url: string,
    options: { ca: string; method?: string; headers?: Record<string, string>; body?: string; agent?: https.Agent },
): Promise<HttpsAnswer> {
    return new Promise((resolve, reject) => {
        const request = https.request(url, { method: options.method ?? 'GET', ca: options.ca, headers: options.headers, agent: options.agent }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
                body += chunk;
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
        });
        request.on('error', reject);
        request.end(options.body);
    });
}

/** An ARM token for the emulator's service principal (client credentials). */
export async function armToken(env: EmulatorEnvironment, ca: string): Promise<string> {
    const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: env.clientId,
        client_secret: env.clientSecret,
        scope: `${env.armAudience}.default`,
    });
    const answer = await httpsRequest(`${env.authority}/${env.tenantId}/oauth2/v2.0/token`, {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
    });
    if (answer.status !== 200) {
        throw new Error(`token request answered ${answer.status}`);
    }
    return (JSON.parse(answer.body) as { access_token: string }).access_token;
}
