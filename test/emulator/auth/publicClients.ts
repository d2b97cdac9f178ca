import { lower } from '../ids';

/**
 * The first-party public clients Entra ID knows in every tenant (multi-tenant apps Microsoft registered): the only
 * client ids the interactive flows accept, as an unknown id is refused by Entra (AADSTS700016).
 */
const PUBLIC_CLIENTS: Record<string, string> = {
    '04b07795-8ddb-461a-bbee-02f9e1bf7b46': 'Microsoft Azure CLI', // also @azure/identity's default developer client
    'aebc6443-996d-45c2-90f0-388ff96faa56': 'Visual Studio Code',
    '1950a258-227b-4e31-a9cf-717495945fc2': 'Microsoft Azure PowerShell',
    '04f0c124-f2bc-4f59-8241-bf6df9866bbd': 'Visual Studio',
};

export const publicClientName = (clientId: string | null | undefined): string | undefined => (clientId ? PUBLIC_CLIENTS[lower(clientId)] : undefined);

/**
 * Native apps register `http://localhost`; Entra then accepts any port and path on the loopback names (RFC 8252 §7.3).
 * Anything else (another host, https, credentials or a fragment in the URI) does not match a registered reply URL.
 */
export function isLoopbackRedirect(uri: string | null | undefined): boolean {
    if (!uri) return false;
    let url: URL;
    try {
        url = new URL(uri);
    } catch {
        return false;
    }
    return (
        url.protocol === 'http:' &&
        ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) &&
        !url.username &&
        !url.password &&
        !url.hash &&
        !uri.includes('#')
    );
}
