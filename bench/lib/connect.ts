import { createIdentitySubscriptionSource } from '../../src/auth/identitySubscriptionSource';
import type { SubscriptionSource } from '../../src/auth/SubscriptionSource';
import type { ClientOptions } from '../../src/domain/clients/ClientOptions';
import type { CloudConfig } from '../../src/domain/cloud/CloudConfig';
import { buildCustomCloud } from '../../src/domain/cloud/customCloud';
import type { EmulatorEnvironment } from '../../test/emulator';

/** The cloud a user would configure with `acrCmk.cloud = custom` and the emulator's endpoints (its CA as the extra certificate). */
export function emulatorCloud(env: EmulatorEnvironment, ca: string | undefined): CloudConfig {
    return buildCustomCloud({
        resourceManagerEndpoint: env.armEndpoint, resourceManagerAudience: env.armAudience, authorityHost: env.authority,
        tenantId: env.tenantId, keyVaultDnsSuffix: env.keyVaultDnsSuffix, acrLoginServerSuffix: env.acrLoginServerSuffix,
        portalUrl: env.portalUrl, caCertificate: ca,
    });
}

/**
 * A fresh `acrCmk.credential = environment` source (service principal), exactly what AzureSession builds for that
 * setting: a new credential (so the first call fetches a token) and new SDK clients. No client options: the
 * extension passes none (SDK defaults for retry and timeout). `ca` undefined = the CA is trusted process-wide
 * (NODE_EXTRA_CA_CERTS), like a public cloud's certificate: no `acrCmk.customCloud.caCertificatePath`.
 */
export function connectAsExtension(env: EmulatorEnvironment, ca: string | undefined, options?: ClientOptions): Promise<SubscriptionSource> {
    return createIdentitySubscriptionSource('environment', emulatorCloud(env, ca), options,
        { AZURE_TENANT_ID: env.tenantId, AZURE_CLIENT_ID: env.clientId, AZURE_CLIENT_SECRET: env.clientSecret });
}
