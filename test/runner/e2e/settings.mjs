// code-server's user settings and environment that wire the extension to the emulator — only through the
// extension's documented settings (acrCmk.*) and the service-principal environment variables.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveLocalhostPath } from './paths.mjs';

/** @param {import('../../emulator/index').EmulatorEnvironment} environment */
export function extensionSettings(environment) {
    return {
        'acrCmk.cloud': 'custom',
        'acrCmk.customCloud.resourceManagerEndpoint': environment.armEndpoint,
        'acrCmk.customCloud.resourceManagerAudience': environment.armAudience,
        'acrCmk.customCloud.authorityHost': environment.authority,
        'acrCmk.customCloud.tenantId': environment.tenantId,
        'acrCmk.customCloud.keyVaultDnsSuffix': environment.keyVaultDnsSuffix,
        'acrCmk.customCloud.acrLoginServerSuffix': environment.acrLoginServerSuffix,
        'acrCmk.customCloud.portalUrl': environment.portalUrl,
        'acrCmk.customCloud.caCertificatePath': environment.caCertPath,
        'acrCmk.credential': 'environment',
    };
}

/** Quiet workbench: no welcome page, tips, telemetry or update checks getting between the tests and the UI. */
const quietWorkbench = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.openRepositoryInParentFolders': 'never',
    // The emulator, code-server and the suites listen on many loopback ports: forwarding them only adds warnings
    // ("Over 20 ports have been automatically forwarded") that a notification guard rightly counts.
    'remote.autoForwardPorts': false,
};

/**
 * The sign-in run: the extension on its default credential (VS Code's Microsoft account), the cloud given only the
 * way VS Code's documented settings give it (`microsoft-sovereign-cloud.environment: custom` + `customEnvironment`),
 * plus the extension's own settings for what those do not carry (CA certificate, registry login suffix).
 * @param {import('../../emulator/index').EmulatorEnvironment & { loginEndpoint: string }} environment
 */
export function signInSettings(environment) {
    return {
        'microsoft-sovereign-cloud.environment': 'custom',
        'microsoft-sovereign-cloud.customEnvironment': {
            name: 'AzureEmulator',
            portalUrl: environment.portalUrl,
            managementEndpointUrl: environment.armAudience,
            resourceManagerEndpointUrl: environment.armEndpoint,
            activeDirectoryEndpointUrl: `${environment.loginEndpoint}/`,
            activeDirectoryResourceId: environment.armAudience,
            keyVaultDnsSuffix: environment.keyVaultDnsSuffix,
        },
        'acrCmk.customCloud.acrLoginServerSuffix': environment.acrLoginServerSuffix,
        'acrCmk.customCloud.caCertificatePath': environment.caCertPath,
    };
}

/** Writes the sign-in run's settings (see signInSettings) to both User and Machine files. */
export function writeSignInUserSettings(userDataDir, environment) {
    for (const [folder, settings] of [
        ['User', { ...quietWorkbench, ...signInSettings(environment) }],
        ['Machine', signInSettings(environment)],
    ]) {
        mkdirSync(path.join(userDataDir, folder), { recursive: true });
        writeFileSync(path.join(userDataDir, folder, 'settings.json'), JSON.stringify(settings, null, 2));
    }
}

/**
 * Writes `<userDataDir>/User/settings.json` and `<userDataDir>/Machine/settings.json`. In code-server every window
 * is a remote window, which takes machine-scoped settings (such as the CA certificate path) from the remote
 * machine's file only, so the extension's settings go to both.
 */
export function writeUserSettings(userDataDir, environment) {
    for (const [folder, settings] of [
        ['User', { ...quietWorkbench, ...extensionSettings(environment) }],
        ['Machine', extensionSettings(environment)],
    ]) {
        mkdirSync(path.join(userDataDir, folder), { recursive: true });
        writeFileSync(path.join(userDataDir, folder, 'settings.json'), JSON.stringify(settings, null, 2));
    }
}

/**
 * Environment for code-server; its extension host inherits it. The service principal feeds
 * `acrCmk.credential: environment`.
 * @param {import('../../emulator/index').EmulatorEnvironment} environment
 */
export function extensionHostEnv(environment) {
    return { AZURE_TENANT_ID: environment.tenantId, AZURE_CLIENT_ID: environment.clientId, AZURE_CLIENT_SECRET: environment.clientSecret };
}

/**
 * Node flags for code-server's own process: the preload makes `<vault>.vault.localhost` resolve (RFC 6761).
 * code-server deletes NODE_OPTIONS before it starts the extension host, but it does pass its own execArgv on.
 */
export const extensionHostNodeArgs = ['--require', resolveLocalhostPath];

/** The same preload as a NODE_OPTIONS value, for hosts that keep that variable (VS Code desktop). */
export const resolveLocalhostPreload = `--require ${JSON.stringify(resolveLocalhostPath)}`;
