import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface Secret {
    readonly kind: string;
    readonly value: string;
}
export interface Leak {
    readonly file: string;
    readonly kind: string;
}
export interface ScanResult {
    readonly files: number;
    readonly secrets: number;
    readonly leaks: readonly Leak[];
}

const issuedFile = 'issued-secrets.jsonl';
// An emulator's output directory holds only its own fixtures: environment.json (incl. the client secret), az-cloud.json,
// key-pool.json (private keys), signing-key.pem, tls/*, its persisted state and issued-secrets.jsonl. None is product output.
const emulatorFixtureMarkers = ['environment.json', 'az-cloud.json'];
// The Azure CLI's config folder (token cache, profile) is a fixture of the CLI tests, not something the extension writes.
const azureCliConfigMarkers = ['azureProfile.json', 'msal_token_cache.json', 'msal_token_cache.bin'];
// Installed extensions and caches hold code, not output; sockets and pipes are not files.
const skippedFolderNames = new Set(['extensions', 'node_modules', 'azure-config', 'CachedExtensionVSIXs']);
const maxFileBytes = 64 * 1024 * 1024;

export function isEmulatorOutDir(dir: string): boolean {
    return existsSync(path.join(dir, issuedFile)) || emulatorFixtureMarkers.every((name) => existsSync(path.join(dir, name)));
}

function isAzureCliConfig(dir: string): boolean {
    return azureCliConfigMarkers.some((name) => existsSync(path.join(dir, name)));
}

/** Every emulator output directory under `root` (any depth). */
export function emulatorOutDirs(root: string): string[] {
    if (!existsSync(root)) {
        return [];
    }
    const found: string[] = [];
    const visit = (dir: string): void => {
        if (isEmulatorOutDir(dir)) {
            found.push(dir);
            return;
        }
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory() && !skippedFolderNames.has(entry.name)) visit(path.join(dir, entry.name));
        }
    };
    visit(root);
    return found;
}

/** The secrets each emulator recorded, plus each one's service-principal secret from environment.json. */
export function readIssuedSecrets(outDirs: readonly string[]): Secret[] {
    const secrets = new Map<string, Secret>();
    for (const dir of outDirs) {
        const file = path.join(dir, issuedFile);
        const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
        for (const line of lines.filter((l) => l.trim())) {
            const secret = JSON.parse(line) as Secret;
            secrets.set(secret.value, secret);
        }
        const environment = path.join(dir, 'environment.json');
        if (existsSync(environment)) {
            const value = (JSON.parse(readFileSync(environment, 'utf8')) as { clientSecret?: string }).clientSecret;
            if (value) secrets.set(value, { kind: 'clientSecret', value });
        }
    }
    return [...secrets.values()];
}

/** The forms a secret could appear in: as recorded, and for base64 values also base64url and hex. */
export function variants(secret: Secret): string[] {
    const forms = new Set([secret.value]);
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret.value) && /[+/=]/.test(secret.value)) {
        forms.add(secret.value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    }
    if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret.value) && secret.kind !== 'clientSecret') {
        const hex = Buffer.from(secret.value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('hex');
        if (hex.length >= 32) forms.add(hex);
    }
    return [...forms].filter((form) => form.length >= 16);
}

/** Product files under `root`: everything except emulator output directories, Azure CLI config folders, installed code. */
export function productFiles(root: string): string[] {
    if (!existsSync(root)) {
        return [];
    }
    const files: string[] = [];
    const visit = (dir: string): void => {
        if (isEmulatorOutDir(dir) || isAzureCliConfig(dir)) {
            return;
        }
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && !skippedFolderNames.has(entry.name)) visit(full);
            else if (entry.isFile() && !entry.name.endsWith('.vsix') && lstatSync(full).size <= maxFileBytes) files.push(full);
        }
    };
    visit(root);
    return files;
}

/**
 * Looks for every form of every secret in every file (bytes as latin1, so binary stores like SQLite are searched
 * too). Secrets are indexed by their first 16 characters, so each file is read once whatever the number of secrets.
 * A leak names the file and the secret's kind — never the secret.
 */
export function scanFiles(files: readonly string[], secrets: readonly Secret[]): ScanResult {
    const byPrefix = new Map<string, { form: string; kind: string }[]>();
    for (const secret of secrets) {
        for (const form of variants(secret)) {
            const prefix = form.slice(0, 16);
            byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { form, kind: secret.kind }]);
        }
    }
    const leaks: Leak[] = [];
    for (const file of files) {
        const text = readFileSync(file).toString('latin1');
        const kinds = new Set<string>();
        for (let i = 0; i + 16 <= text.length; i++) {
            const candidates = byPrefix.get(text.slice(i, i + 16));
            for (const candidate of candidates ?? []) {
                if (text.startsWith(candidate.form, i)) kinds.add(candidate.kind);
            }
        }
        for (const kind of kinds) leaks.push({ file, kind });
    }
    return { files: files.length, secrets: secrets.length, leaks };
}
