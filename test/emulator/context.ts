import type { World } from './types';
import type { KeyPool } from './keyvault/keyPool';
import type { FaultStore } from './faults';
import type { RequestLog } from './requestLog';
import type { SigningKey } from './auth/tokens';
import type { IssuedSecrets } from './issuedSecrets';
import type { EmulatorClock } from './clock';

export interface EmulatorEnvironment {
    armEndpoint: string;
    authority: string;
    adfsAuthority: string;
    armAudience: string;
    /**
     * The same identity platform under a host name of its own (`https://login.localhost:<port>`), as browsers reach Entra ID
     * at login.microsoftonline.com: VS Code's remote openers forward a bare `localhost:<port>` URL to a port of their own,
     * so browser sign-in from VS Code uses this authority.
     */
    loginEndpoint: string;
    keyVaultDnsSuffix: string;
    keyVaultAudience: string;
    acrLoginServerSuffix: string;
    portalUrl: string;
    graphEndpoint: string;
    tenantId: string;
    subscriptions: { id: string; name: string }[];
    clientId: string;
    clientSecret: string;
    principalObjectId: string;
    caCertPath: string;
    adminEndpoint: string;
}

/** Everything a handler needs: the world plus the running emulator's services. */
export interface EmulatorContext {
    world: World;
    env: EmulatorEnvironment;
    port: number;
    /** host part of the vault DNS suffix without leading dot or port, e.g. `vault.localhost` */
    vaultHostSuffix: string;
    lroPolls: number;
    keyPool: KeyPool;
    faults: FaultStore;
    log: RequestLog;
    signingKey: SigningKey;
    /** Records every secret handed out (tokens, client secrets, key material, wrapped keys) for the security scan. */
    issued: IssuedSecrets;
    /** The emulator's now (real time plus an offset the admin API advances): every time-driven rule reads it. */
    clock: EmulatorClock;
    /** called after every successful mutation (persistence) */
    changed(): void;
    /** counts the calls of `changed()`: the time rules skip a scan when nothing changed in the same second */
    generation?: number;
    /** rebuilds the initial world (admin reset) */
    resetWorld(): Promise<void>;
}
