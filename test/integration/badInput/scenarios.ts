import { execFileSync } from 'node:child_process';
import { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { createIdentitySubscriptionSource } from '../../../src/auth/identitySubscriptionSource';
import type { CreatePlan } from '../../../src/domain/create/CreatePlan';
import { preflightCreate } from '../../../src/domain/create/preflight';
import { DiagnosisCache } from '../../../src/domain/diagnose/DiagnosisCache';
import { diagnoseRegistry } from '../../../src/domain/diagnose/diagnoseRegistry';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { RevocationStore } from '../../../src/domain/revoke/RevocationRecord';
import { planRevoke, runRevoke } from '../../../src/domain/revoke/revokeKeyAccess';
import { planRotation } from '../../../src/domain/rotate/planRotation';
import type { RotationRequest } from '../../../src/domain/rotate/RotationRequest';
import { listSubscriptions } from '../../../src/domain/subscriptions/listSubscriptions';
import { explain } from '../../../src/commands/diagnoseKeyAccess/findingText';
import { errorMessage } from '../../../src/l10n/errorMessage';
import { rg, type BadInputWorld } from './badInputWorld';

/** A self-signed certificate of some other authority: valid PEM, but not the one that signed the emulator's certificate. */
function foreignCaPem(): string {
    return execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', '/dev/null', '-days', '1', '-subj', '/CN=another-ca'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
    });
}

const newPlan = (w: BadInputWorld, overrides: Partial<CreatePlan> = {}): CreatePlan => ({
    subscriptionId: w.subscriptionId,
    location: 'eastus',
    resourceGroup: { name: 'rg-bad-new', create: true },
    registry: { name: 'badnewreg1' },
    identity: { kind: 'new', name: 'id-bad-new' },
    vault: { kind: 'new', name: 'kvbadnew1', softDeleteRetentionInDays: 90 },
    key: { kind: 'new', name: 'cmk', keyType: 'RSA', keySize: 3072 },
    versionless: true,
    ...overrides,
});
const existing = (w: BadInputWorld, vault: string, key: CreatePlan['key'], overrides: Partial<CreatePlan> = {}) =>
    newPlan(w, {
        resourceGroup: { name: rg, create: false },
        identity: { kind: 'existing', id: w.identity.id },
        vault: { kind: 'existing', id: w.vault.id.replace(/kvbadinput$/, vault) },
        key,
        ...overrides,
    });
const rotate = (w: BadInputWorld, request: Partial<RotationRequest>) =>
    planRotation(w.factory, {
        registryId: w.cmkRegistryId,
        key: { kind: 'newVersion' },
        versionless: true,
        identity: { kind: 'keep' },
        consent: { grantAccess: true, assignIdentity: true, enableSystemIdentity: true, enableTrustedServices: true },
        ...request,
    });
const keyUrl = (w: BadInputWorld, vault: string, rest: string) => `https://${vault}.${w.cloud.keyVaultDnsSuffix}/keys/${rest}`;

/** Runs one case; resolves to the message the user sees (the domain error localized, or the diagnosis text). */
export const scenarios: Record<string, (w: BadInputWorld) => Promise<unknown>> = {
    'create.skuStandard': (w) => preflightCreate(w.factory, newPlan(w, { registry: { name: 'badnewreg1', sku: 'Standard' } })),
    'create.skuBasic': (w) => preflightCreate(w.factory, newPlan(w, { registry: { name: 'badnewreg1', sku: 'Basic' } })),
    'create.registryNameShort': (w) => preflightCreate(w.factory, newPlan(w, { registry: { name: 'ab1' } })),
    'create.vaultNameHyphens': (w) => preflightCreate(w.factory, newPlan(w, { vault: { kind: 'new', name: 'kv--bad' } })),
    'create.groupNameSpace': (w) => preflightCreate(w.factory, newPlan(w, { resourceGroup: { name: 'rg bad', create: true } })),
    'create.hsmOnStandardVault': (w) => preflightCreate(w.factory, newPlan(w, { key: { kind: 'new', name: 'cmk', keyType: 'RSA-HSM', keySize: 3072 } })),
    'create.keySize1024': (w) => preflightCreate(w.factory, newPlan(w, { key: { kind: 'new', name: 'cmk', keyType: 'RSA', keySize: 1024 as 2048 } })),
    'create.retention120': (w) => preflightCreate(w.factory, newPlan(w, { vault: { kind: 'new', name: 'kvbadnew1', softDeleteRetentionInDays: 120 } })),
    'create.identityNameForId': (w) => preflightCreate(w.factory, newPlan(w, { identity: { kind: 'existing', id: 'id-bad-input' } })),
    'create.vaultUriForId': (w) => preflightCreate(w.factory, newPlan(w, { vault: { kind: 'existing', id: w.vault.uri } })),
    'create.registryNameTaken': (w) => preflightCreate(w.factory, newPlan(w, { registry: { name: 'cmkbadinput' } })),
    'create.vaultWithoutPurgeProtection': (w) => preflightCreate(w.factory, existing(w, 'kvbadnopurge', { kind: 'new', name: 'cmk' })),
    'create.firewalledVault': (w) => preflightCreate(w.factory, existing(w, 'kvbadfirewall', { kind: 'existing', name: 'fwkey' })),
    'create.ecKey': (w) => preflightCreate(w.factory, existing(w, 'kvbadinput', { kind: 'existing', name: 'eckey' })),
    'create.disabledKey': (w) => preflightCreate(w.factory, existing(w, 'kvbadinput', { kind: 'existing', name: 'offkey' })),
    'create.deletedKey': (w) => preflightCreate(w.factory, existing(w, 'kvbadinput', { kind: 'existing', name: 'gonekey' })),
    'create.keyNameTaken': (w) => preflightCreate(w.factory, existing(w, 'kvbadinput', { kind: 'new', name: 'rsakey' })),
    'create.identityNameTaken': (w) =>
        preflightCreate(w.factory, newPlan(w, { resourceGroup: { name: rg, create: false }, identity: { kind: 'new', name: 'id-bad-input' } })),
    'rotate.httpKeyId': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvbadinput', 'rsakey').replace('https:', 'http:') } }),
    'rotate.otherCloudKeyId': (w) => rotate(w, { key: { kind: 'existing', keyId: 'https://kv1.vault.azure.net/keys/k1' } }),
    'rotate.missingKeyName': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvbadinput', '') } }),
    'rotate.policyTooShort': (w) => rotate(w, { rotationPolicy: { rotateEveryDays: 3, notifyDaysBeforeExpiry: 7 } }),
    'rotate.notCmk': (w) => rotate(w, { registryId: w.plainRegistryId }),
    'rotate.ecKey': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvbadinput', 'eckey') } }),
    'rotate.disabledKey': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvbadinput', 'offkey') } }),
    'rotate.deletedKey': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvbadinput', 'gonekey') } }),
    'rotate.unknownVault': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvnowhere', 'k1') } }),
    'rotate.firewallUserIdentity': (w) => rotate(w, { key: { kind: 'existing', keyId: keyUrl(w, 'kvbadfirewall', 'fwkey') } }),
    'rotate.consentDeclined': (w) => rotate(w, { identity: { kind: 'system' }, consent: { grantAccess: true } }),
    'revoke.notCmk': (w) => planRevoke(w.factory, { registryId: w.plainRegistryId, method: { kind: 'removeAccess' } }),
    'revoke.wrongName': async (w) => {
        const plan = await planRevoke(w.factory, { registryId: w.cmkRegistryId, method: { kind: 'removeAccess' } });
        const store: RevocationStore = { get: () => undefined, list: () => [], save: () => Promise.resolve(), delete: () => Promise.resolve() };
        return runRevoke(w.factory, plan, store, 'cmkbadinpu');
    },
    'diagnose.principalIdForClientId': async (w) => {
        const registry = await getRegistry(w.factory, w.principalIdRegistryId);
        const diagnosis = await diagnoseRegistry(w.factory, registry, new DiagnosisCache([w.subscriptionId]));
        const identity = diagnosis.findings.find((f) => f.check === 'identity');
        throw new ShownText(identity ? explain(identity) : 'no identity finding');
    },
    'connection.untrustedServer': async (w) => {
        // A token is at hand (as with VS Code's own sign-in): the first Resource Manager request meets the certificate.
        const credential = { getToken: () => Promise.resolve({ token: 'not-sent', expiresOnTimestamp: Date.now() + 3600_000 }) };
        const cloud = { ...w.cloud, caCertificate: foreignCaPem() };
        return listSubscriptions(new AzureClientFactory({ cloud, credential, getVaultCredential: () => credential, options: { retry: { maxRetries: 0 } } }));
    },
    'connection.untrustedAuthority': async (w) => {
        const env = w.emulator.environment;
        const cloud = { ...w.cloud, caCertificate: foreignCaPem() };
        const source = await createIdentitySubscriptionSource(
            'environment',
            cloud,
            { retry: { maxRetries: 0 } },
            { AZURE_TENANT_ID: env.tenantId, AZURE_CLIENT_ID: env.clientId, AZURE_CLIENT_SECRET: env.clientSecret },
        );
        return source.listAllSubscriptions();
    },
};

/** A text the product shows that is not an error (a diagnosis line), carried like one. */
export class ShownText extends Error {}

export async function shownMessage(w: BadInputWorld, id: string): Promise<string> {
    const run = scenarios[id];
    if (!run) {
        throw new Error(`no scenario ${id}`);
    }
    try {
        await run(w);
    } catch (error) {
        return error instanceof ShownText ? error.message : errorMessage(error);
    }
    throw new Error(`${id}: the input was accepted`);
}
