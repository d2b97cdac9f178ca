import * as vscode from 'vscode';
import { isDomainError } from '../../domain/errors';
import type { FleetEntry, FleetGrant, FleetOutcome, FleetRotationPlan } from '../../domain/fleet/rotateAll/FleetRotation';
import { keyText } from '../../l10n/encryptionText';
import { errorMessage } from '../../l10n/errorMessage';
import { rotationStepLabel } from '../../l10n/rotationStepLabel';

/** Where the registries go, in words: 'a new version of key "k" (versionless)' or the other key. */
export function fleetTargetText(plan: FleetRotationPlan): string {
    const { request } = plan;
    if (request.target.kind === 'existing') {
        return keyText(request.target.keyId);
    }
    return request.versionless
        ? vscode.l10n.t('a new version of key "{0}" (versionless)', request.key.keyName)
        : vscode.l10n.t('a new version of key "{0}" (pinned to it)', request.key.keyName);
}

/** Why a registry is left out: a change Rotate All does not make is named as a step; anything else in its own words. */
export function refusalText(error: unknown): string {
    if (isDomainError(error) && error.code === 'RotationChangeDeclined') {
        return vscode.l10n.t('it would also need to {0}: use Rotate Key on this registry', rotationStepLabel(error.params.step ?? ''));
    }
    return errorMessage(error).split('\n')[0]!;
}

/** One line of the confirmation per registry. */
export function entryLine(entry: FleetEntry, plan: FleetRotationPlan): string {
    switch (entry.kind) {
        case 'change': {
            const grant = entry.plan.steps.has('grantAccess')
                ? vscode.l10n.t(' (after its identity gets access to key vault "{0}")', entry.plan.vault.name)
                : '';
            return vscode.l10n.t('• "{0}": switches to {1}{2}', entry.registry.name, fleetTargetText(plan), grant);
        }
        case 'picksUp':
            return vscode.l10n.t('• "{0}": versionless, picks up the new version by itself within an hour', entry.registry.name);
        case 'unchanged':
            return vscode.l10n.t('• "{0}": already uses this key, nothing to change', entry.registry.name);
        case 'refused':
            return vscode.l10n.t('• "{0}": left as it is, {1}', entry.registry.name, refusalText(entry.error));
    }
}

export function grantLine({ identityName, vault, registries }: FleetGrant): string {
    const names = registries.map((registry) => registry.name).join(', ');
    return vault.enableRbacAuthorization
        ? vscode.l10n.t('• identity "{0}" gets the role Key Vault Crypto Service Encryption User on key vault "{1}" (for {2})', identityName, vault.name, names)
        : vscode.l10n.t('• identity "{0}" gets key permissions get, wrapKey, unwrapKey on key vault "{1}" (for {2})', identityName, vault.name, names);
}

/** One line of the result per registry. */
export function outcomeLine(outcome: FleetOutcome): string {
    switch (outcome.kind) {
        case 'switched':
            return vscode.l10n.t('• "{0}": rotated', outcome.registry.name);
        case 'picksUp':
            return vscode.l10n.t('• "{0}": picks up the new version within an hour', outcome.registry.name);
        case 'unchanged':
            return vscode.l10n.t('• "{0}": unchanged, already on the key', outcome.registry.name);
        case 'refused':
            return vscode.l10n.t('• "{0}": left as it is, {1}', outcome.registry.name, refusalText(outcome.error));
        case 'failed':
            return vscode.l10n.t('• "{0}": failed, still on its previous key: {1}', outcome.registry.name, errorMessage(outcome.error).split('\n')[0]!);
    }
}
