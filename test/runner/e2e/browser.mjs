// Debian's Chromium driven by playwright-core (no browser download), with a fresh profile per launch.
import { createHash, X509Certificate } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './paths.mjs';

export const chromiumArgs = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/**
 * Playwright's launch() always starts from a new temporary profile, removed on close. `trustCertificatePem`: a
 * server certificate the browser accepts (its public key pinned with `--ignore-certificate-errors-spki-list`), as a
 * machine with the emulator's private CA installed would — for the pages the browser opens at the emulator itself
 * (the sign-in page); no other certificate error is ignored.
 */
export function launchChromium({ trustCertificatePem } = {}) {
    const args = [...chromiumArgs];
    if (trustCertificatePem) {
        const spki = new X509Certificate(trustCertificatePem).publicKey.export({ type: 'spki', format: 'der' });
        args.push(`--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`);
    }
    return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

/** `?folder=…&payload=…` — how the web workbench is told to load a development extension (and its tests). */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
    const authority = new URL(serverUrl).host;
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    return `${serverUrl}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
