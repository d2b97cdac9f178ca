import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { azJson, runAz } from '../../test/cli/runAz';
import type { EmulatorProcess } from './emulatorProcess';

export interface AzRegistryRow {
    name: string;
    resourceGroup: string;
    status: string;
    keyIdentifier: string | null;
    identity: string | null;
}

/** The same table the tree shows, the way a CLI user gets it: one `az acr list` per subscription, encryption fields picked by --query. */
export const AZ_TABLE_QUERY =
    '[].{name:name, resourceGroup:resourceGroup, status:encryption.status, keyIdentifier:encryption.keyVaultProperties.keyIdentifier, identity:encryption.keyVaultProperties.identity}';

export interface AzSession {
    readonly cliVersion: string;
    listTable(subscriptionIds: readonly string[]): Promise<AzRegistryRow[]>;
    dispose(): void;
}

/**
 * The stock Azure CLI signed in to the emulator (cloud registered, service principal login — not timed), run
 * through test/cli's runAz (a private mount namespace whose /etc/hosts maps the emulator's `*.localhost` names).
 */
export async function signInAz(emulator: EmulatorProcess): Promise<AzSession> {
    const configDir = mkdtempSync(path.join(tmpdir(), 'acr-cmk-bench-az-'));
    const env = emulator.environment;
    const az = async (args: string[]) => azJson(await runAz(args, { environment: env, outDir: emulator.outDir, configDir }));
    await az(['cloud', 'register', '-n', 'Emulator', '--cloud-config', `@${path.join(emulator.outDir, 'az-cloud.json')}`]);
    await az(['cloud', 'set', '-n', 'Emulator']);
    await az(['login', '--service-principal', '-u', env.clientId, '-p', env.clientSecret, '--tenant', env.tenantId]);
    const version = (await az(['version'])) as Record<string, unknown>;
    return {
        cliVersion: String(version['azure-cli'] ?? 'unknown'),
        async listTable(subscriptionIds) {
            const rows: AzRegistryRow[] = [];
            for (const id of subscriptionIds) {
                rows.push(...((await az(['acr', 'list', '--subscription', id, '--query', AZ_TABLE_QUERY])) as AzRegistryRow[]));
            }
            return rows;
        },
        dispose: () => rmSync(configDir, { recursive: true, force: true }),
    };
}
