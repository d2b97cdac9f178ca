// The stock Azure CLI (`az`), logged in to an emulator this test process started, the way a user of the
// README's walkthrough would be: `az cloud register` with the emulator's az-cloud.json, then a service
// principal login. Each call runs through runAz (private mount namespace for /etc/hosts), which needs root.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { EmulatorEnvironment } from '../../emulator';
import { azJson, runAz } from '../../cli/runAz';

/** What `az acr encryption show` prints. */
export interface AzEncryption {
    status: string;
    keyVaultProperties: { identity: string; keyIdentifier: string; versionedKeyIdentifier: string; keyRotationEnabled: boolean } | null;
}

export interface AzSession {
    az<T = unknown>(...args: string[]): Promise<T>;
    encryptionShow(registryName: string, resourceGroup: string, subscriptionId: string): Promise<AzEncryption>;
    dispose(): void;
}

/** Why the CLI tests cannot run here, or undefined when they can. */
export function azUnavailableReason(): string | undefined {
    if (process.getuid?.() !== 0) {
        return 'the Azure CLI agreement tests need root (runAz uses `unshare --mount` for a private /etc/hosts)';
    }
    if (!['/usr/bin/az', '/usr/local/bin/az'].some((candidate) => existsSync(candidate))) {
        return 'the Azure CLI is not installed (apt-get install azure-cli)';
    }
    return undefined;
}

export async function startAzSession(environment: EmulatorEnvironment): Promise<AzSession> {
    // The emulator writes az-cloud.json next to its tls/ folder (its --out directory).
    const outDir = path.resolve(path.dirname(environment.caCertPath), '..');
    const cloudConfigPath = path.join(outDir, 'az-cloud.json');
    if (!existsSync(cloudConfigPath)) {
        throw new Error(`no az-cloud.json in the emulator's output folder ${outDir}`);
    }
    const configDir = mkdtempSync(path.join(tmpdir(), 'az-cli-agreement-'));
    const az = async <T>(...args: string[]): Promise<T> => azJson<T>(await runAz(args, { environment, outDir, configDir }));
    // The cloud name is unique per emulator port: a fixed name could collide with another session's config.
    const cloudName = `Emulator${environment.armEndpoint.replace(/\D/g, '')}`;
    await az('cloud', 'register', '-n', cloudName, '--cloud-config', `@${cloudConfigPath}`);
    await az('cloud', 'set', '-n', cloudName);
    await az('login', '--service-principal', '-u', environment.clientId, '-p', environment.clientSecret, '--tenant', environment.tenantId);
    return {
        az,
        encryptionShow: (registryName, resourceGroup, subscriptionId) =>
            az<AzEncryption>('acr', 'encryption', 'show', '-n', registryName, '-g', resourceGroup, '--subscription', subscriptionId),
        dispose: () => rmSync(configDir, { recursive: true, force: true }),
    };
}
