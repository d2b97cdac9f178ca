// The emulator's admin API from the real-VS-Code tests (Node side and in-host): its ground truth (`GET /_emulator/state`)
// so the tests compare what the extension shows with what the emulator holds, and the fault rules they inject.
import * as fs from 'node:fs';
import { adminRequest } from '../support/adminRequest';

/** One admin request (`E2E_EMULATOR_ADMIN`, trusted through `E2E_EMULATOR_CA`); rejects on any status from 300 up. */
export function callEmulatorAdmin(method: 'GET' | 'POST' | 'DELETE', relativePath: string, body?: unknown): Promise<{ status: number; text: string }> {
    const admin = process.env.E2E_EMULATOR_ADMIN;
    const caPath = process.env.E2E_EMULATOR_CA;
    if (!admin || !caPath) throw new Error('E2E_EMULATOR_ADMIN / E2E_EMULATOR_CA are not set: run through test/runner/e2e.mjs');
    return adminRequest(new URL(relativePath, admin), fs.readFileSync(caPath), method, body);
}

export async function getEmulatorJson<T>(relativePath: string): Promise<T> {
    return JSON.parse((await callEmulatorAdmin('GET', relativePath)).text) as T;
}

/** The emulator's verdict on whether the registry can reach its key (a real unwrap through the vault's authorization). */
export const keyAccessNow = (registryId: string) =>
    getEmulatorJson<{ accessible: boolean; reason: string }>(`key-access?registry=${encodeURIComponent(registryId)}`);
