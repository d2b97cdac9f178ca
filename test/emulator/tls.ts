import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsMaterial {
    caCertPath: string;
    caPem: string;
    key: string;
    cert: string;
}

// Explicit names as well as wildcards: OpenSSL and Node refuse a wildcard directly under a single-label name
// (`*.localhost` does not match `graph.localhost` for them).
const SERVER_NAMES = [
    'localhost',
    '*.localhost',
    'vault.localhost',
    '*.vault.localhost',
    'graph.localhost',
    'login.localhost',
    'management.localhost',
    'portal.localhost',
    '*.azurecr.localhost',
];

const openssl = (cwd: string, args: string[]): void => {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
};

/**
 * P-256 keys: a TLS handshake signs with the server key, and a tree load opens a connection per subscription at
 * once; an ECDSA signature costs a few hundredths of a millisecond where RSA-2048 costs about one, so 100 parallel
 * handshakes do not queue behind the emulator's single thread (the benchmarks measure the extension, not the emulator).
 */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];

/**
 * The emulator's own CA and server certificate, generated once per output directory with openssl. `extraNames`
 * (a non-default Key Vault DNS suffix and its wildcard) join the server certificate's names; when they change,
 * only the server certificate is reissued, by the same CA.
 */
export function ensureTls(outDir: string, extraNames: readonly string[] = []): TlsMaterial {
    const dir = join(outDir, 'tls');
    const files = { caKey: 'ca.key', caCert: 'ca.pem', key: 'server.key', cert: 'server.pem', names: 'server.names' };
    if (!existsSync(join(dir, files.caCert)) || !existsSync(join(dir, files.caKey))) {
        mkdirSync(dir, { recursive: true });
        openssl(dir, [
            'req',
            '-x509',
            ...EC_KEY,
            '-nodes',
            '-sha256',
            '-days',
            '3650',
            '-keyout',
            files.caKey,
            '-out',
            files.caCert,
            '-subj',
            '/CN=ACR CMK Emulator Local CA',
            '-addext',
            'basicConstraints=critical,CA:TRUE',
            '-addext',
            'keyUsage=critical,keyCertSign,cRLSign',
            '-addext',
            'subjectKeyIdentifier=hash',
        ]);
    }
    const names = [...new Set([...SERVER_NAMES, ...extraNames])];
    const issuedFor = existsSync(join(dir, files.names)) ? readFileSync(join(dir, files.names), 'utf8') : SERVER_NAMES.join(',');
    if (!existsSync(join(dir, files.cert)) || issuedFor !== names.join(',')) {
        openssl(dir, ['req', ...EC_KEY, '-nodes', '-sha256', '-keyout', files.key, '-out', 'server.csr', '-subj', '/CN=localhost']);
        const san = [...names.map((n) => `DNS:${n}`), 'IP:127.0.0.1'].join(',');
        writeFileSync(
            join(dir, 'server.ext'),
            [
                `subjectAltName=${san}`,
                'basicConstraints=CA:FALSE',
                'keyUsage=critical,digitalSignature',
                'extendedKeyUsage=serverAuth',
                'subjectKeyIdentifier=hash',
                'authorityKeyIdentifier=keyid,issuer',
            ].join('\n') + '\n',
        );
        openssl(dir, [
            'x509',
            '-req',
            '-sha256',
            '-days',
            '825',
            '-in',
            'server.csr',
            '-CA',
            files.caCert,
            '-CAkey',
            files.caKey,
            '-CAcreateserial',
            '-out',
            files.cert,
            '-extfile',
            'server.ext',
        ]);
        writeFileSync(join(dir, files.names), names.join(','));
    }
    return {
        caCertPath: join(dir, files.caCert),
        caPem: readFileSync(join(dir, files.caCert), 'utf8'),
        key: readFileSync(join(dir, files.key), 'utf8'),
        cert: readFileSync(join(dir, files.cert), 'utf8'),
    };
}
