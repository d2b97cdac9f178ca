// The sign-in run: a code-server of its own whose built-in Microsoft authentication is disabled and whose profile
// has the test-only provider (test/e2e/fixtures/emulator-microsoft-auth) installed, signing in against the emulator's
// identity platform in the browser. The extension runs on its default credential, VS Code's Microsoft account.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { codeServerLayout, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { runToEnd } from './processes.mjs';
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
  mkdirSync(options.runDir, { recursive: true });
  const vsix = path.join(options.runDir, 'emulator-microsoft-auth.vsix');
  await runToEnd(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: authProviderDir, env: process.env });
  const layout = codeServerLayout(options.host, options.runDir);
  await runToEnd(options.host.node24, [options.host.codeServerEntry, ...layout.dirArgs, '--install-extension', vsix], { env: layout.env });
  writeSignInUserSettings(path.join(options.runDir, 'user-data'), environment);
  return startCodeServer({
    ...options, name: 'code-server-sign-in',
    env: { ...options.env, NODE_EXTRA_CA_CERTS: environment.caCertPath },
    extraArgs: ['--vscode-option', 'disable-extension=vscode.microsoft-authentication', ...(options.extraArgs ?? [])],
  });
}
