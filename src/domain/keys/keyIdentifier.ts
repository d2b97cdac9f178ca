import { domainToUnicode } from 'node:url';
import type { CloudConfig } from '../cloud/CloudConfig';
import { knownClouds } from '../cloud/knownClouds';
import { DomainError } from '../errors';

/** A Key Vault key identifier split into its parts: `https://<vault>.<suffix>/keys/<name>[/<version>]`. */
export interface KeyIdentifier {
    /** `https://<vault>.<suffix>` without a trailing slash (host keeps its port). */
    readonly vaultUrl: string;
    readonly vaultName: string;
    readonly keyName: string;
    /** Undefined for a versionless identifier: the registry then follows the latest version (automatic rotation). */
    readonly version?: string;
}

const vaultNamePattern = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i;
const keyNamePattern = /^[a-z0-9-]{1,127}$/i;
const versionPattern = /^[a-z0-9]{32}$/i;

export function parseKeyIdentifier(text: string, cloud: CloudConfig): KeyIdentifier {
    const trimmed = text.trim();
    if (!trimmed) {
        throw new DomainError('KeyIdEmpty');
    }
    let url: URL;
    try {
        url = new URL(trimmed);
    } catch {
        throw new DomainError('KeyIdNotUrl', { keyId: trimmed });
    }
    if (url.protocol !== 'https:') {
        throw new DomainError('KeyIdNotHttps', { keyId: trimmed });
    }
    if (url.search || url.hash) {
        throw new DomainError('KeyIdHasQueryOrFragment', { keyId: trimmed });
    }
    const host = url.host.toLowerCase();
    const vaultName = vaultNameFromHost(host, cloud, trimmed);
    const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
    if (segments[0]?.toLowerCase() !== 'keys' || segments.length > 3) {
        throw new DomainError('KeyIdNotKeyPath', { keyId: trimmed });
    }
    const keyName = segments[1];
    if (!keyName) {
        throw new DomainError('KeyIdMissingKeyName', { keyId: trimmed });
    }
    if (!keyNamePattern.test(keyName)) {
        throw new DomainError('KeyIdInvalidKeyName', { keyId: trimmed, keyName });
    }
    const version = segments[2];
    if (version !== undefined && !versionPattern.test(version)) {
        throw new DomainError('KeyIdInvalidVersion', { keyId: trimmed, version });
    }
    return { vaultUrl: `https://${host}`, vaultName, keyName, version };
}

function vaultNameFromHost(host: string, cloud: CloudConfig, keyId: string): string {
    const suffix = cloud.keyVaultDnsSuffix.toLowerCase();
    if (!host.endsWith(`.${suffix}`)) {
        const owner = knownClouds.find((known) => known.name !== cloud.name && host.replace(/:\d+$/, '').endsWith(`.${known.keyVaultDnsSuffix}`));
        if (owner) {
            throw new DomainError('KeyIdOtherCloud', { keyId, host, cloud: owner.name, expectedSuffix: suffix });
        }
        throw new DomainError('KeyIdNotVaultHost', { keyId, host, expectedSuffix: suffix });
    }
    const vaultName = host.slice(0, -(suffix.length + 1));
    // Vault names never hold `--`; a non-ASCII name typed in the URL arrives here as punycode (`xn--…`): quote it as typed.
    if (!vaultNamePattern.test(vaultName) || vaultName.includes('--')) {
        throw new DomainError('KeyIdInvalidVaultName', { keyId, vaultName: domainToUnicode(vaultName) || vaultName });
    }
    return vaultName;
}

/** Formats the identifier; `versionless: true` drops the version (what a registry with automatic rotation stores). */
export function formatKeyIdentifier(key: KeyIdentifier, options: { versionless?: boolean } = {}): string {
    const base = `${key.vaultUrl}/keys/${key.keyName}`;
    return key.version && !options.versionless ? `${base}/${key.version}` : base;
}

export function isVersionless(key: KeyIdentifier): boolean {
    return key.version === undefined;
}

/** Same key (vault + name), whatever the version; vault hosts compare case-insensitively. */
export function isSameKey(a: KeyIdentifier, b: KeyIdentifier): boolean {
    return a.vaultUrl.toLowerCase() === b.vaultUrl.toLowerCase() && a.keyName.toLowerCase() === b.keyName.toLowerCase();
}
