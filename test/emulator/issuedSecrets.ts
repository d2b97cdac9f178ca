import { createPrivateKey } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { World } from './types';

export type IssuedSecretKind =
    | 'accessTokenSignature'
    | 'clientSecret'
    | 'privateKeyD'
    | 'privateKeyPem'
    | 'wrappedKey'
    | 'dataKey'
    // interactive sign-in: what a user's client holds (codes and device codes are redeemable until used or expired)
    | 'idTokenSignature'
    | 'refreshToken'
    | 'authorizationCode'
    | 'deviceCode';

/**
 * Everything secret the emulator hands out or holds, appended to `<outDir>/issued-secrets.jsonl` (one
 * `{kind, value}` per line, mode 0600) so the security suite can look for each one in the extension's outputs.
 * A test fixture: the file itself is secret material. Values are recorded once; recording is one small
 * synchronous append, only where a secret is born (token issue, key creation, wrap), never per ordinary request.
 */
export class IssuedSecrets {
    private readonly seen = new Set<string>();

    constructor(private readonly file: string) {}

    record(kind: IssuedSecretKind, value: string | undefined): void {
        this.recordAll([[kind, value]]);
    }

    /** One append for many values (a seeded world can hold thousands of wrapped keys). */
    private recordAll(entries: readonly (readonly [IssuedSecretKind, string | undefined])[]): void {
        const lines = entries
            .filter(([, value]) => value && value.length >= 16 && !this.seen.has(value))
            .map(([kind, value]) => {
                this.seen.add(value!);
                return `${JSON.stringify({ kind, value })}\n`;
            });
        if (lines.length > 0) appendFileSync(this.file, lines.join(''), { mode: 0o600 });
    }

    /** A token's signature: what makes it usable (header and payload alone are not a credential). */
    token(jwt: string): void {
        this.record('accessTokenSignature', jwt.split('.')[2]);
    }

    /** An id token's signature (it names the user; a leak of it is a leak of who signed in where). */
    idToken(jwt: string): void {
        this.record('idTokenSignature', jwt.split('.')[2]);
    }

    /** A private key as the two forms it could leak in: its JWK `d` and a line from the middle of its PEM body. */
    privateKey(pem: string): void {
        this.recordAll(this.privateKeyForms(pem));
    }

    private privateKeyForms(pem: string): [IssuedSecretKind, string | undefined][] {
        if (this.seen.has(pem)) return [];
        this.seen.add(pem);
        const body = pem.split('\n').filter((line) => line && !line.startsWith('-----'));
        return [
            ['privateKeyPem', body[Math.min(3, body.length - 1)]],
            ['privateKeyD', createPrivateKey(pem).export({ format: 'jwk' }).d],
        ];
    }

    /** What a world already holds: client secrets, key material, wrapped data keys (at start and after a reset). */
    world(world: World): void {
        this.recordAll([
            ...Object.values(world.principals).map((principal): [IssuedSecretKind, string] => ['clientSecret', principal.clientSecret]),
            ...Object.values(world.keyMaterial).flatMap((pem) => this.privateKeyForms(pem)),
            ...Object.values(world.registries).map((registry): [IssuedSecretKind, string | undefined] => ['wrappedKey', registry.dataKey?.wrappedKey]),
        ]);
    }
}
