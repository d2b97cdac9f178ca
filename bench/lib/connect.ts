import type { SubscriptionSource } from '../../src/auth/SubscriptionSource';
import type { ClientOptions } from '../../src/domain/clients/ClientOptions';
import type { EmulatorEnvironment } from '../../test/emulator';
import { connectToEmulator } from '../../test/support/connectToEmulator';

/**
 * A fresh `acrCmk.credential = environment` source (service principal), exactly what AzureSession builds for that
 * setting. No client options: the extension passes none (SDK defaults for retry and timeout). `ca` undefined = the CA is
 * trusted process-wide (NODE_EXTRA_CA_CERTS): no `acrCmk.customCloud.caCertificatePath`.
 */
export async function connectAsExtension(env: EmulatorEnvironment, ca: string | undefined, options?: ClientOptions): Promise<SubscriptionSource> {
    return (await connectToEmulator(env, ca, options)).source;
}
