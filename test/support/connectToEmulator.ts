// The domain layer connected to the local emulator exactly as a user configures the extension: a custom cloud (every
// endpoint from the emulator's environment, its CA as the extra certificate) and the `environment` credential (the
// service principal). No emulator-specific code path in src/. Shared by the integration tests and the benchmarks.
import { createIdentitySubscriptionSource } from '../../src/auth/identitySubscriptionSource';
import type { SubscriptionSource } from '../../src/auth/SubscriptionSource';
import type { ClientOptions } from '../../src/domain/clients/ClientOptions';
import type { CloudConfig } from '../../src/domain/cloud/CloudConfig';
import { buildCustomCloud } from '../../src/domain/cloud/customCloud';
import type { EmulatorEnvironment } from '../emulator';

/** `ca` undefined: the CA is trusted process-wide (NODE_EXTRA_CA_CERTS), like a public cloud's certificate. */
export function emulatorCloud(env: EmulatorEnvironment, ca: string | undefined): CloudConfig {
    return buildCustomCloud({
        resourceManagerEndpoint: env.armEndpoint,
        resourceManagerAudience: env.armAudience,
        authorityHost: env.authority,
        tenantId: env.tenantId,
        keyVaultDnsSuffix: env.keyVaultDnsSuffix,
        acrLoginServerSuffix: env.acrLoginServerSuffix,
        portalUrl: env.portalUrl,
        caCertificate: ca,
    });
}

/** A fresh `acrCmk.credential = environment` source: a new credential (the first call fetches a token) and new SDK clients. */
export async function connectToEmulator(
    env: EmulatorEnvironment,
    ca: string | undefined,
    clientOptions?: ClientOptions,
): Promise<{ cloud: CloudConfig; source: SubscriptionSource }> {
    const cloud = emulatorCloud(env, ca);
    const source = await createIdentitySubscriptionSource('environment', cloud, clientOptions, {
        AZURE_TENANT_ID: env.tenantId,
        AZURE_CLIENT_ID: env.clientId,
        AZURE_CLIENT_SECRET: env.clientSecret,
    });
    return { cloud, source };
}
