import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { CloudConfig } from '../domain/cloud/CloudConfig';
import { assertPemCertificate, buildCustomCloud, type CustomCloudSettings } from '../domain/cloud/customCloud';
import { cloudNameFromSovereignSetting, findKnownCloud, vscodeAccountCloudMismatch } from '../domain/cloud/knownClouds';
import { DomainError } from '../domain/errors';

/**
 * Resolves the cloud from `acrCmk.cloud`; an empty value follows VS Code's `microsoft-sovereign-cloud.environment`
 * like the other Azure extensions. Throws a DomainError (localized by the caller) before any request is made.
 */
export async function readCloudConfig(): Promise<CloudConfig> {
    const configured = vscode.workspace.getConfiguration('acrCmk').get<string>('cloud', '').trim();
    const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
    const name = configured || cloudNameFromSovereignSetting(sovereign.get<string>('environment'));
    if (name.toLowerCase() === 'custom') {
        return buildCustomCloud(await readCustomCloudSettings(configured ? undefined : sovereign.get<SovereignCustomEnvironment>('customEnvironment')));
    }
    const known = findKnownCloud(name);
    if (!known) {
        throw new DomainError('CloudUnknown', { cloud: name });
    }
    return known;
}

/** Throws when the VS Code account (which follows `microsoft-sovereign-cloud.environment`) cannot sign in to `cloud`. */
export function assertVSCodeAccountCloud(cloud: CloudConfig): void {
    const mismatch = vscodeAccountCloudMismatch(cloud.name, vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<string>('environment'));
    if (mismatch) {
        throw mismatch;
    }
}

/** The shape of `microsoft-sovereign-cloud.customEnvironment` (an `@azure/ms-rest-azure-env` environment). */
interface SovereignCustomEnvironment {
    resourceManagerEndpointUrl?: string;
    activeDirectoryEndpointUrl?: string;
    activeDirectoryResourceId?: string;
    keyVaultDnsSuffix?: string;
    portalUrl?: string;
}

async function readCustomCloudSettings(sovereign: SovereignCustomEnvironment | undefined): Promise<CustomCloudSettings> {
    const custom = vscode.workspace.getConfiguration('acrCmk.customCloud');
    const value = (key: string, fallback?: string) => custom.get<string>(key)?.trim() || fallback;
    const caPath = value('caCertificatePath');
    return {
        resourceManagerEndpoint: value('resourceManagerEndpoint', sovereign?.resourceManagerEndpointUrl),
        resourceManagerAudience: value('resourceManagerAudience', sovereign?.activeDirectoryResourceId),
        authorityHost: value('authorityHost', sovereign?.activeDirectoryEndpointUrl),
        tenantId: value('tenantId'),
        keyVaultDnsSuffix: value('keyVaultDnsSuffix', sovereign?.keyVaultDnsSuffix),
        acrLoginServerSuffix: value('acrLoginServerSuffix'),
        portalUrl: value('portalUrl', sovereign?.portalUrl),
        caCertificate: caPath ? await readCaCertificate(caPath) : undefined,
    };
}

async function readCaCertificate(path: string): Promise<string> {
    let text: string;
    try {
        text = await readFile(path, 'utf8');
    } catch (error) {
        throw new DomainError('CaCertificateUnreadable', { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    return assertPemCertificate(path, text);
}
