import { request } from 'node:https';
import type { RunningEmulator } from '../../emulator/index';
import { tlsOptionsFor } from './harness';

export interface RegistryReply {
    status: number;
    headers: Record<string, string>;
    body: Buffer;
    json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The login server of a registry (the suffix carries the emulator's port; test processes resolve `*.localhost` to loopback). */
export const loginServerUrl = (emu: RunningEmulator, registryName: string): string =>
    `https://${registryName.toLowerCase()}${emu.environment.acrLoginServerSuffix}`;

/** A raw HTTPS request to a login server: bytes in, bytes out (blobs and manifests are not JSON text to a registry). */
export function registryRequest(
    url: string,
    emu: RunningEmulator,
    init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RegistryReply> {
    return new Promise((resolve, reject) => {
        const req = request(url, { method: init.method ?? 'GET', ca: tlsOptionsFor(emu).ca, headers: init.headers ?? {} }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
                const body = Buffer.concat(chunks);
                let json: unknown;
                try {
                    json = body.length ? JSON.parse(body.toString('utf8')) : undefined;
                } catch {
                    /* not JSON */
                }
                resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body, json });
            });
        });
        req.on('error', reject);
        req.end(init.body);
    });
}

export const form = (fields: Record<string, string>): { headers: Record<string, string>; body: string } => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
});

/** `az acr login`'s two steps: an Entra token for Resource Manager → ACR refresh token → access token for `scope`. */
export async function acrTokens(
    emu: RunningEmulator,
    registryName: string,
    armAccessToken: string,
    scope: string,
): Promise<{ refreshToken: string; accessToken: string }> {
    const base = loginServerUrl(emu, registryName);
    const service = `${registryName.toLowerCase()}${emu.environment.acrLoginServerSuffix}`;
    const exchanged = await registryRequest(`${base}/oauth2/exchange`, emu, {
        method: 'POST',
        ...form({ grant_type: 'access_token', service, access_token: armAccessToken }),
    });
    if (exchanged.status !== 200) throw new Error(`exchange: ${exchanged.status} ${exchanged.body.toString()}`);
    const refreshToken = exchanged.json.refresh_token as string;
    const issued = await registryRequest(`${base}/oauth2/token`, emu, {
        method: 'POST',
        ...form({ grant_type: 'refresh_token', service, scope, refresh_token: refreshToken }),
    });
    if (issued.status !== 200) throw new Error(`token: ${issued.status} ${issued.body.toString()}`);
    return { refreshToken, accessToken: issued.json.access_token as string };
}
