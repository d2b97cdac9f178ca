// What the wizard-branch tests need around the commands: an SDK client factory of their own (the same service
// principal and custom cloud the harness gives the extension, built from the extension's settings) to prepare
// resources the sample world lacks, the emulator's ground truth, and the error messages a command surfaced.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { expectErrorNotification } from './notificationGuard';
import { createIdentitySubscriptionSource } from '../../../src/auth/identitySubscriptionSource';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { buildCustomCloud } from '../../../src/domain/cloud/customCloud';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';

export const encryptionUserRole = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';

interface Policy {
    objectId: string;
    permissions: { keys?: string[] };
}
export interface BranchState {
    groups: Record<string, { id: string; name: string }>;
    identities: Record<string, { id: string; name: string; subscriptionId: string; resourceGroup: string; principalId: string; clientId: string }>;
    vaults: Record<
        string,
        {
            id: string;
            name: string;
            subscriptionId: string;
            resourceGroup: string;
            properties: { accessPolicies: Policy[]; enablePurgeProtection?: boolean; enableRbacAuthorization?: boolean };
        }
    >;
    roleAssignments: Record<string, { scope: string; roleDefinitionId: string; principalId: string }>;
    registries: Record<
        string,
        {
            id: string;
            name: string;
            subscriptionId: string;
            identity?: { type: string; principalId?: string; userAssignedIdentities?: Record<string, unknown> };
            encryption: { status: string; keyVaultProperties?: { keyIdentifier: string; versionedKeyIdentifier: string; identity: string } };
        }
    >;
}

export const stateNow = () => getEmulatorJson<BranchState>('state');

export async function keyAccessOf(registryId: string): Promise<{ accessible: boolean; reason: string }> {
    return keyAccessNow(registryId);
}

export function registryIn(state: BranchState, id: string): BranchState['registries'][string] | undefined {
    return state.registries[id.toLowerCase()];
}

/** Key permissions per object id on one vault, lower-cased and sorted. */
export function policiesOn(state: BranchState, vaultId: string): Record<string, string> {
    const vault = state.vaults[vaultId.toLowerCase()];
    if (!vault) {
        throw new Error(`vault ${vaultId} is not in the emulator state`);
    }
    return Object.fromEntries(
        vault.properties.accessPolicies.map((p) => [
            p.objectId.toLowerCase(),
            (p.permissions.keys ?? [])
                .map((k) => k.toLowerCase())
                .sort()
                .join(','),
        ]),
    );
}

/** The setup factory: the extension's acrCmk.customCloud.* settings and the harness's service principal (environment). */
export async function setupFactory(): Promise<AzureClientFactory> {
    const settings = vscode.workspace.getConfiguration('acrCmk.customCloud');
    const caPath = process.env.E2E_EMULATOR_CA;
    if (!caPath) {
        throw new Error('E2E_EMULATOR_CA is not set: run through test/runner/e2e.mjs');
    }
    const cloud = buildCustomCloud({
        resourceManagerEndpoint: settings.get('resourceManagerEndpoint'),
        resourceManagerAudience: settings.get('resourceManagerAudience'),
        authorityHost: settings.get('authorityHost'),
        tenantId: settings.get('tenantId'),
        keyVaultDnsSuffix: settings.get('keyVaultDnsSuffix'),
        acrLoginServerSuffix: settings.get('acrLoginServerSuffix'),
        portalUrl: settings.get('portalUrl'),
        caCertificate: fs.readFileSync(caPath, 'utf8'),
    });
    const source = await createIdentitySubscriptionSource('environment', cloud);
    const [first] = await source.listAllSubscriptions();
    if (!first) {
        throw new Error('the service principal sees no subscription');
    }
    return first.factory;
}

/** The sample world's security group of one subscription: its access-policy vault, RBAC vault and two identities. */
export interface SecurityGroup {
    subscriptionId: string;
    group: string;
    accessPolicyVault: { id: string; name: string; uri: string };
    rbacVault: { id: string; name: string; uri: string };
    identities: BranchState['identities'][string][];
}

export function securityGroup(state: BranchState, factory: AzureClientFactory, subscriptionIndex: number): SecurityGroup {
    const number = String(subscriptionIndex + 1).padStart(4, '0');
    const vault = (kind: string) => {
        const found = Object.values(state.vaults).find((v) => v.name.startsWith(`kv-${kind}-${number}-`));
        if (!found) {
            throw new Error(`the sample world has no kv-${kind}-${number}-* vault`);
        }
        return {
            id: found.id,
            name: found.name,
            uri: `https://${found.name}.${factory.cloud.keyVaultDnsSuffix}`,
            subscriptionId: found.subscriptionId,
            group: found.resourceGroup,
        };
    };
    const accessPolicyVault = vault('ap');
    const identities = Object.values(state.identities)
        .filter((i) => i.subscriptionId === accessPolicyVault.subscriptionId && i.resourceGroup === accessPolicyVault.group)
        .sort((a, b) => a.name.localeCompare(b.name));
    return { subscriptionId: accessPolicyVault.subscriptionId, group: accessPolicyVault.group, accessPolicyVault, rbacVault: vault('rb'), identities };
}

/**
 * A CMK registry with an identity of its own, granted (get/wrapKey/unwrapKey) on the group's access-policy vault only:
 * whatever other suites or reruns granted, it has no access to another vault until a rotation grants it.
 */
export async function registryWithOwnIdentity(
    factory: AzureClientFactory,
    home: SecurityGroup,
    names: { identity: string; registry: string },
): Promise<{ registryId: string; identity: { principalId: string; clientId: string } }> {
    const identity = await (
        await factory.managedIdentities(home.subscriptionId)
    ).userAssignedIdentities.createOrUpdate(home.group, names.identity, { location: 'eastus' });
    await (
        await factory.keyVaultManagement(home.subscriptionId)
    ).vaults.updateAccessPolicy(home.group, home.accessPolicyVault.name, 'add', {
        properties: {
            accessPolicies: [
                { tenantId: factory.cloud.tenantId ?? '', objectId: identity.principalId!, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } },
            ],
        },
    });
    const created = await (
        await factory.containerRegistry(home.subscriptionId)
    ).registries.beginCreateAndWait(
        home.group,
        names.registry,
        {
            location: 'eastus',
            sku: { name: 'Premium' },
            identity: { type: 'UserAssigned', userAssignedIdentities: { [identity.id!]: {} } },
            encryption: {
                status: 'enabled',
                keyVaultProperties: { keyIdentifier: `${home.accessPolicyVault.uri}/keys/cmk-key-1`, identity: identity.clientId! },
            },
        },
        { updateIntervalInMs: 50 },
    );
    return { registryId: created.id!, identity: { principalId: identity.principalId!, clientId: identity.clientId! } };
}

/**
 * Runs a command and collects the error messages it showed. The extension shows errors through the `vscode` API
 * object this test shares with it (the same extension), so wrapping `window.showErrorMessage` here sees them. The
 * test asserts on what it collected, so the notification guard counts those errors as expected.
 */
export async function withShownErrors<T>(run: () => Thenable<T>): Promise<{ result: T; errors: string[] }> {
    const window = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showErrorMessage;
    const errors: string[] = [];
    window.showErrorMessage = (...args: unknown[]) => {
        errors.push(String(args[0]));
        return original.apply(vscode.window, args);
    };
    try {
        return { result: await run(), errors };
    } finally {
        window.showErrorMessage = original;
        expectErrorNotification(...errors.map((error) => new RegExp(`^${error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
    }
}
