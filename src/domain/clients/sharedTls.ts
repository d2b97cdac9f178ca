import type { TlsSettings } from '@azure/core-rest-pipeline';
import type * as tls from 'node:tls';

/**
 * core-rest-pipeline spreads `tlsOptions` into the options of the `https.Agent` it creates, so any `tls.connect`
 * option works there; `secureContext` is not in its `TlsSettings` type, hence the intersection.
 */
export type SharedTlsOptions = TlsSettings & { readonly ca: string[]; readonly secureContext: tls.SecureContext };

const byCertificate = new Map<string, SharedTlsOptions>();

/**
 * The `tlsOptions` for every client of a cloud with an extra CA (custom cloud, Azure Stack, the emulator): one object
 * per certificate, built once. The SDK's HTTP client keeps one keep-alive agent per `tlsOptions` object (a WeakMap
 * keyed by identity), so a fresh object per client meant one agent per client and no connection reuse; and a `ca`
 * list makes every new TLS connection parse the ~145 system roots again. One secure context (system roots + the
 * extra CA) parsed once and one object shared by every client fix both: the agent is shared, and `tls.connect`
 * uses the parsed context (it ignores `ca` when given `secureContext`) and the agent's TLS session cache.
 * `ca` stays for VS Code's extension host: its proxy support replaces the agent of requests to hosts other than
 * `localhost` with its own, carrying over the agent's `ca` but not its `secureContext`.
 */
export function tlsOptionsTrusting(caCertificate: string): SharedTlsOptions {
    let options = byCertificate.get(caCertificate);
    if (!options) {
        // Required here, not imported: node:tls (and node:crypto behind it) is only needed once a CA is configured.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { createSecureContext, rootCertificates } = require('node:tls') as typeof tls;
        const ca = [...rootCertificates, caCertificate];
        options = { ca, secureContext: createSecureContext({ ca }) };
        byCertificate.set(caCertificate, options);
    }
    return options;
}
