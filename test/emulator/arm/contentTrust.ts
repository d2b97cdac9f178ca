import type { Registry } from '../types';
import { badRequest } from '../errors';
import { lower } from '../ids';

/**
 * "Content trust is currently not supported in a registry that's encrypted with a customer-managed key" (ACR's CMK
 * overview). Azure's answer, as a failed deployment reported it (Azure/PSRule.Rules.Azure#1810, verbatim, its typos
 * included; the resource was redacted there, the registry's name is assumed):
 * `this feature 'ContenTrust' is currently not supported when encryption is enable for the resource xxxx. …`
 * (Code: BlockedForEncryptionEnabledRegistry).
 */
export function refuseContentTrustOnCmk(next: Registry): void {
    const trust = (next.properties.policies as { trustPolicy?: { status?: string } } | undefined)?.trustPolicy;
    if (next.encryption.status !== 'enabled' || lower(String(trust?.status ?? '')) !== 'enabled') return;
    throw badRequest(
        'BlockedForEncryptionEnabledRegistry',
        `this feature 'ContenTrust' is currently not supported when encryption is enable for the resource ${next.name}. For more information on customer-managed keys, please visit 'https://aka.ms/acr/cmk'.`,
    );
}
