import type { KeyLookup, KeyVersionState } from '../access/keyState';
import { formatKeyIdentifier, type KeyIdentifier } from '../keys/keyIdentifier';
import { finding, type Finding } from './Finding';

export const day = 24 * 60 * 60 * 1000;
export const expiryWarningDays = 30;
/** How far the "extend expiry" fix moves the expiry date. */
export const expiryExtensionDays = 365;

/** Key exists / soft-deleted / gone; then enabled and dates of the version the registry uses. */
export function checkKey(lookup: KeyLookup, key: KeyIdentifier, vaultName: string, now: Date): Finding[] {
    const keyId = formatKeyIdentifier(key, { versionless: true });
    const params = { key: key.keyName, vault: vaultName };
    if (lookup.kind === 'softDeleted') {
        return [finding('key', 'error', 'keySoftDeleted', { ...params, purgeDate: isoDate(lookup.scheduledPurgeDate) }, { kind: 'recoverKey', keyId })];
    }
    if (lookup.kind === 'missing') {
        return [finding('key', 'error', 'keyMissing', params)];
    }
    const state = lookup.state;
    const versioned = formatKeyIdentifier({ ...key, version: state.version });
    return [
        finding('key', 'ok', 'keyFound', { ...params, version: state.version }),
        state.enabled
            ? finding('keyEnabled', 'ok', 'keyEnabled', { version: state.version })
            : finding('keyEnabled', 'error', 'keyDisabled', { version: state.version }, { kind: 'enableKeyVersion', keyId: versioned }),
        checkExpiry(state, versioned, now),
    ];
}

function checkExpiry(state: KeyVersionState, versionedKeyId: string, now: Date): Finding {
    const extend = { kind: 'extendKeyExpiry', keyId: versionedKeyId, expiresOn: new Date(now.getTime() + expiryExtensionDays * day).toISOString() } as const;
    if (state.notBefore && state.notBefore.getTime() > now.getTime()) {
        return finding('keyExpiry', 'error', 'keyNotYetValid', { date: isoDate(state.notBefore) });
    }
    if (!state.expiresOn) {
        return finding('keyExpiry', 'ok', 'keyNoExpiry');
    }
    const left = state.expiresOn.getTime() - now.getTime();
    const params = { date: isoDate(state.expiresOn), days: String(Math.max(0, Math.floor(left / day))) };
    if (left <= 0) {
        return finding('keyExpiry', 'error', 'keyExpired', params, extend);
    }
    if (left <= expiryWarningDays * day) {
        return finding('keyExpiry', 'warning', 'keyExpiresSoon', params, extend);
    }
    return finding('keyExpiry', 'ok', 'keyExpiresLater', params);
}

export function isoDate(date: Date | undefined): string {
    return date ? date.toISOString().slice(0, 10) : '';
}
