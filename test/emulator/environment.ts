import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorEnvironment } from './context';
import type { TenantUser, World } from './types';

/** The tenant's users, for interactive sign-in (`environment.json` → `users`). Not in `EmulatorEnvironment`'s type (context.ts). */
export interface UserEnvironment {
    users: TenantUser[];
}

export function buildEnvironment(
    port: number,
    world: World,
    caCertPath: string,
    vaultHostSuffix: string,
    portalPort: number,
): EmulatorEnvironment & UserEnvironment {
    const base = `https://localhost:${port}`;
    const principal = Object.values(world.principals)[0]!;
    return {
        armEndpoint: `${base}/`,
        authority: base,
        loginEndpoint: `https://login.localhost:${port}`,
        adfsAuthority: `${base}/adfs`,
        armAudience: 'https://management.localhost/',
        keyVaultDnsSuffix: `.${vaultHostSuffix}:${port}`,
        keyVaultAudience: `https://${vaultHostSuffix}:${port}`,
        acrLoginServerSuffix: acrLoginServerSuffix(port),
        portalUrl: `http://portal.localhost:${portalPort}`,
        graphEndpoint: `https://graph.localhost:${port}/`,
        tenantId: world.tenantId,
        subscriptions: Object.values(world.subscriptions).map((s) => ({ id: s.subscriptionId, name: s.displayName })),
        clientId: principal.clientId,
        clientSecret: principal.clientSecret,
        principalObjectId: principal.objectId,
        caCertPath,
        adminEndpoint: `${base}/_emulator/`,
        users: Object.values(world.users ?? {}).map(({ upn, objectId, displayName }) => ({ upn, objectId, displayName })),
    };
}

/**
 * ACR's login servers carry no port because ACR listens on 443. On any other port the suffix carries it (as the vault
 * suffix does), so the `loginServer` Resource Manager answers is an address a client can reach unchanged.
 */
function acrLoginServerSuffix(port: number): string {
    return port === 443 ? '.azurecr.localhost' : `.azurecr.localhost:${port}`;
}

/** The cloud definition for `az cloud register -n <name> --cloud-config @az-cloud.json`. */
export function azureCliCloud(env: EmulatorEnvironment): unknown {
    return {
        endpoints: {
            resourceManager: env.armEndpoint,
            management: env.armAudience,
            activeDirectory: env.adfsAuthority,
            activeDirectoryResourceId: env.armAudience,
            activeDirectoryGraphResourceId: env.graphEndpoint,
            microsoftGraphResourceId: env.graphEndpoint,
            portal: env.portalUrl,
            gallery: env.armEndpoint,
        },
        suffixes: { keyvaultDns: env.keyVaultDnsSuffix, acrLoginServerEndpoint: env.acrLoginServerSuffix, storageEndpoint: 'core.localhost' },
    };
}

export function writeEnvironmentFiles(outDir: string, env: EmulatorEnvironment): void {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'environment.json'), JSON.stringify(env, null, 2) + '\n', { mode: 0o600 });
    writeFileSync(join(outDir, 'az-cloud.json'), JSON.stringify(azureCliCloud(env), null, 2) + '\n');
}
