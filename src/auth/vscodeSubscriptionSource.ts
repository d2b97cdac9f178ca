import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type * as vscode from 'vscode';
import { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import type { ClientOptions } from '../domain/clients/ClientOptions';
import { keyVaultScope, type CloudConfig } from '../domain/cloud/CloudConfig';
import type { SubscriptionSource, SubscriptionTarget } from './SubscriptionSource';

interface SessionSource {
    getSessionWithScopes(scopes: string[]): vscode.ProviderResult<vscode.AuthenticationSession>;
}

// VS Code sessions carry no expiry; a short assumed lifetime makes the SDK ask again (VS Code caches and refreshes).
const assumedTokenLifetimeMs = 5 * 60 * 1000;

/**
 * The subscription credential of `@microsoft/vscode-azext-azureauth` always returns an ARM token, whatever
 * scope is asked. Key Vault calls therefore get this credential, which asks VS Code for the vault scope itself.
 */
export function createScopedSessionCredential(authentication: SessionSource, defaultScope: string): TokenCredential {
    return {
        async getToken(scopes: string | string[]): Promise<AccessToken | null> {
            const requested = (Array.isArray(scopes) ? scopes : [scopes]).filter((scope) => scope.length > 0);
            const session = await authentication.getSessionWithScopes(requested.length > 0 ? requested : [defaultScope]);
            return session ? { token: session.accessToken, expiresOnTimestamp: Date.now() + assumedTokenLifetimeMs } : null;
        },
    };
}

/** VS Code's Microsoft account (or `microsoft-sovereign-cloud` for China / US Government / custom). */
export async function createVSCodeSubscriptionSource(
    cloud: CloudConfig,
    log: vscode.LogOutputChannel | undefined,
    options?: ClientOptions,
): Promise<SubscriptionSource & vscode.Disposable> {
    const { VSCodeAzureSubscriptionProvider } = await import('@microsoft/vscode-azext-azureauth');
    const provider = new VSCodeAzureSubscriptionProvider(log);
    return {
        kind: 'vscode',
        cloud,
        isSignedIn: () => provider.isSignedIn(),
        signIn: () => provider.signIn(),
        dispose: () => provider.dispose(),
        async listAllSubscriptions(): Promise<SubscriptionTarget[]> {
            const seen = new Set<string>();
            const targets: SubscriptionTarget[] = [];
            // `false`: no filter here; the caller applies the one filter both sources share.
            for (const subscription of await provider.getSubscriptions(false)) {
                if (seen.has(subscription.subscriptionId.toLowerCase())) {
                    continue; // the same subscription seen through another account
                }
                seen.add(subscription.subscriptionId.toLowerCase());
                const vaultCredential = createScopedSessionCredential(subscription.authentication, keyVaultScope(cloud));
                const factory = new AzureClientFactory({ cloud, credential: subscription.credential, getVaultCredential: () => vaultCredential, options });
                targets.push({ subscriptionId: subscription.subscriptionId, name: subscription.name, tenantId: subscription.tenantId, factory });
            }
            return targets;
        },
    };
}
