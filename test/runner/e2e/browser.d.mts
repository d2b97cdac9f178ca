// Types for browser.mjs, so the TypeScript UI tests share the one launch recipe.
import type { Browser } from 'playwright-core';

export declare const chromiumArgs: string[];
export declare function launchChromium(options?: { trustCertificatePem?: string }): Promise<Browser>;
export declare function workbenchUrl(serverUrl: string, options: { folder: string; extensionDevelopmentPath: string; extensionTestsPath?: string }): string;
