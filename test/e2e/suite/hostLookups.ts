// Records the host names this extension host resolves, so a test can see which cloud the extension talks to.
// Names of the real Azure clouds fail at once with ENOTFOUND (as they do on an offline machine): the result is
// the same with or without internet, and nothing is ever sent to a real Azure endpoint from a test.
// The default import is the real module object (a namespace import would be a bundler's read-only copy).
import dns from 'node:dns';

const realCloudHosts =
    /(\.|^)(chinacloudapi\.cn|azure\.cn|usgovcloudapi\.net|microsoftonline\.us|azure\.us|microsoftonline\.com|azure\.com|azure\.net|windows\.net)\.?$/i;

export interface HostLookups {
    readonly hosts: string[];
    stop(): void;
}

export function recordHostLookups(): HostLookups {
    const hosts: string[] = [];
    const previous = dns.lookup;
    const recording = function lookup(this: unknown, hostname: string, ...rest: unknown[]): unknown {
        hosts.push(String(hostname).toLowerCase());
        if (!realCloudHosts.test(String(hostname))) return (previous as (...args: unknown[]) => unknown).call(this, hostname, ...rest);
        const callback = rest.find((arg): arg is (error: NodeJS.ErrnoException) => void => typeof arg === 'function');
        const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: 'ENOTFOUND',
            errno: -3008,
            syscall: 'getaddrinfo',
            hostname,
        });
        process.nextTick(() => callback?.(error));
        return {};
    };
    (dns as { lookup: unknown }).lookup = recording;
    return {
        hosts,
        stop: () => {
            if (dns.lookup === (recording as unknown)) (dns as { lookup: unknown }).lookup = previous;
        },
    };
}
