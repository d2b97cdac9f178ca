// The sign-in run: a code-server of its own whose built-in Microsoft authentication is disabled and whose profile
// has the test-only provider (test/e2e/fixtures/emulator-microsoft-auth) installed, signing in against the emulator's
// identity platform in the browser. The extension runs on its default credential, VS Code's Microsoft account.
import path from 'node:path';
import { installTestExtension, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { writeSignInUserSettings } from './settings.mjs';

export const authProviderDir = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'emulator-microsoft-auth');

/**
 * Packages the provider (VSIX, with the project's own vsce), installs it with code-server's own `--install-extension`,
 * writes the settings, then starts code-server with VS Code's `--disable-extension vscode.microsoft-authentication` (through `--vscode-option`).
 * NODE_EXTRA_CA_CERTS: the provider and `@microsoft/vscode-azext-azureauth` (its subscription listing) reach the
 * emulator with Node's default TLS trust, as they reach a private cloud behind a corporate CA.
 * @param {Parameters<typeof startCodeServer>[0] & { environment: any }} options
 */
export async function startSignInCodeServer({ environment, ...options }) {
    await installTestExtension(options.host, options.runDir, authProviderDir, 'emulator-microsoft-auth.vsix');
    writeSignInUserSettings(path.join(options.runDir, 'user-data'), environment);
    return startCodeServer({
        ...options,
        name: 'code-server-sign-in',
        env: { ...options.env, NODE_EXTRA_CA_CERTS: environment.caCertPath },
        extraArgs: ['--vscode-option', 'disable-extension=vscode.microsoft-authentication', ...(options.extraArgs ?? [])],
    });
}
