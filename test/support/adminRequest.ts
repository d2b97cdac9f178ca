// The one client of the emulator's admin API (`/_emulator/…`) for tests and benchmarks: JSON over HTTPS, trusting the
// emulator's CA. Any answer from 300 up rejects with its status and body.
import * as https from 'node:https';

export function adminRequest(url: string | URL, ca: string | Buffer, method = 'GET', body?: unknown): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const request = https.request(url, { method, ca, headers: payload ? { 'content-type': 'application/json' } : {} }, (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => {
                const status = response.statusCode ?? 0;
                if (status >= 300) return reject(new Error(`${method} ${new URL(url).pathname} answered ${status}: ${text.slice(0, 500)}`));
                resolve({ status, text });
            });
        });
        request.on('error', reject);
        request.end(payload);
    });
}

/** As `adminRequest`, the answer parsed as JSON (undefined for an empty one). */
export async function adminJson<T>(url: string | URL, ca: string | Buffer, method = 'GET', body?: unknown): Promise<T> {
    const { text } = await adminRequest(url, ca, method, body);
    return (text ? JSON.parse(text) : undefined) as T;
}
