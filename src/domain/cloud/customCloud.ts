import { DomainError } from '../errors';
import type { CloudConfig } from './CloudConfig';

/** Raw `acrCmk.customCloud.*` values as read from settings (caCertificate already read from its file). */
export interface CustomCloudSettings {
    readonly resourceManagerEndpoint?: string;
    readonly resourceManagerAudience?: string;
    readonly authorityHost?: string;
    readonly tenantId?: string;
    readonly keyVaultDnsSuffix?: string;
    readonly acrLoginServerSuffix?: string;
    readonly portalUrl?: string;
    readonly caCertificate?: string;
}

/** Validates every URL before any request is made, so a typo is reported as a setting error, not a network error. */
export function buildCustomCloud(settings: CustomCloudSettings): CloudConfig {
    const resourceManagerEndpoint = withTrailingSlash(requireHttpsUrl('resourceManagerEndpoint', settings.resourceManagerEndpoint));
    const audience = settings.resourceManagerAudience?.trim()
        ? withTrailingSlash(requireHttpsUrl('resourceManagerAudience', settings.resourceManagerAudience))
        : resourceManagerEndpoint;
    const authorityHost = withoutTrailingSlash(requireHttpsUrl('authorityHost', settings.authorityHost));
    const keyVaultDnsSuffix = requireDnsSuffix('keyVaultDnsSuffix', settings.keyVaultDnsSuffix);
    const acrLoginServerSuffix = settings.acrLoginServerSuffix?.trim() ? requireDnsSuffix('acrLoginServerSuffix', settings.acrLoginServerSuffix) : 'azurecr.io';
    // A portal is opened in the user's browser, never called with a token: plain HTTP is accepted on loopback
    // (as for OAuth's loopback redirects), so a local portal does not land on a certificate warning.
    const portalUrl = settings.portalUrl?.trim()
        ? withoutTrailingSlash(requireHttpsUrl('portalUrl', settings.portalUrl, { loopbackHttp: true }))
        : 'https://portal.azure.com';
    const tenantId = settings.tenantId?.trim() || undefined;
    return {
        name: 'custom',
        resourceManagerEndpoint,
        resourceManagerAudience: audience,
        authorityHost,
        tenantId,
        keyVaultDnsSuffix,
        acrLoginServerSuffix,
        portalUrl,
        caCertificate: settings.caCertificate,
    };
}

function requireHttpsUrl(setting: string, value: string | undefined, options: { loopbackHttp?: boolean } = {}): string {
    const text = value?.trim();
    if (!text) {
        throw new DomainError('CloudSettingMissing', { setting: `acrCmk.customCloud.${setting}` });
    }
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        throw new DomainError('CloudSettingInvalidUrl', { setting: `acrCmk.customCloud.${setting}`, value: text });
    }
    const httpAllowed = options.loopbackHttp === true && url.protocol === 'http:' && isLoopbackHost(url.hostname);
    if ((url.protocol !== 'https:' && !httpAllowed) || url.search || url.hash || url.username) {
        throw new DomainError('CloudSettingInvalidUrl', { setting: `acrCmk.customCloud.${setting}`, value: text });
    }
    return url.toString();
}

/** Accepts `.vault.example:8443`, `vault.example` or `https://vault.example`; returns `vault.example[:port]`. */
function requireDnsSuffix(setting: string, value: string | undefined): string {
    const text = value
        ?.trim()
        .replace(/^https:\/\//i, '')
        .replace(/^\./, '')
        .replace(/\/$/, '');
    if (!text) {
        throw new DomainError('CloudSettingMissing', { setting: `acrCmk.customCloud.${setting}` });
    }
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(text)) {
        throw new DomainError('CloudSettingInvalidUrl', { setting: `acrCmk.customCloud.${setting}`, value: value ?? '' });
    }
    return text.toLowerCase();
}

function withTrailingSlash(url: string): string {
    return url.endsWith('/') ? url : `${url}/`;
}

function withoutTrailingSlash(url: string): string {
    return url.replace(/\/+$/, '');
}

/** A PEM bundle must contain at least one certificate block; anything else is a wrong file. */
export function assertPemCertificate(path: string, text: string): string {
    if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text)) {
        throw new DomainError('CaCertificateNotPem', { path });
    }
    return text;
}

/** `localhost`, a name under it (RFC 6761), or a loopback address. */
function isLoopbackHost(hostname: string): boolean {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}
