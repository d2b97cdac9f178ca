import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { RegistrySummary } from '../registries/RegistryEncryption';
import { verifyDataAccess } from '../registryData/verifyDataAccess';
import { finding, type Finding } from './Finding';

/**
 * The end of the chain, read rather than reasoned about: does the registry serve its data now (catalog, a manifest)?
 * ACR's 403 is a problem whatever the links above say (e.g. a change Azure has applied but the grants do not show);
 * a 401 means the signed-in account has no role on the registry's data, which says nothing about the key.
 */
export async function checkDataAccess(factory: AzureClientFactory, registry: RegistrySummary): Promise<Finding> {
    const result = await verifyDataAccess(factory, registry);
    switch (result.kind) {
        case 'readable':
            return finding('dataAccess', 'ok', 'dataReadable', {
                repositories: String(result.repositoryCount),
                manifest: result.manifest ? `${result.manifest.repository}:${result.manifest.reference}` : '',
            });
        case 'denied':
            // `reason`: ACR's own message, as every finding that could not read something carries it.
            return result.statusCode === 403
                ? finding('dataAccess', 'error', 'dataDenied', { code: result.code, reason: result.message })
                : finding('dataAccess', 'unknown', 'dataNotPermitted', { code: result.code, reason: result.message });
        default:
            return finding('dataAccess', 'unknown', 'dataUnreachable', { reason: result.reason });
    }
}
