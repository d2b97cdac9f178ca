import * as vscode from 'vscode';
import type { JournalEntry } from '../domain/engine/JournalEntry';
import { doneSteps, inFlightChange } from '../domain/engine/JournalEntry';
import type { CleanUpPreview } from '../domain/recovery/recoverRun';
import { createStepTitle } from './createStepTitle';
import { listText } from './listText';
import { rotationStepLabel } from './rotationStepLabel';

/** The command that ran an interrupted flow, as its palette title names it. */
export function journalCommandName(command: string): string {
    const names: Record<string, () => string> = {
        createEncryptedRegistry: () => vscode.l10n.t('Create Registry with Customer-Managed Key'),
        rotateKey: () => vscode.l10n.t('Rotate Key'),
        rotateAllUsingKey: () => vscode.l10n.t('Rotate All Registries Using This Key'),
        enableAutoRotationUsingKey: () => vscode.l10n.t('Enable Automatic Rotation for All Registries Using This Key'),
        useSystemIdentity: () => vscode.l10n.t('Use System-Assigned Identity'),
        enableAutoRotation: () => vscode.l10n.t('Enable Automatic Rotation'),
        firewallPath: () => vscode.l10n.t('Key Vault Firewall: Use System Identity and Trusted Services'),
        revokeKeyAccess: () => vscode.l10n.t('Revoke Key Access'),
        restoreKeyAccess: () => vscode.l10n.t('Restore Key Access'),
    };
    return names[command]?.() ?? command;
}

// Revoke's and Restore's changes by kind (their step is `kind` or `kind:what`).
const changeNames: Record<string, (what: string) => string> = {
    removeGrant: () => vscode.l10n.t("remove the identity's key access"),
    disableVersion: (what) => vscode.l10n.t('disable key version {0}', what),
    recoverKey: () => vscode.l10n.t('recover the deleted key'),
    regrant: () => vscode.l10n.t('give the identity its key access back'),
    grantDerived: () => vscode.l10n.t('give the identity its key access back'),
    enableVersion: (what) => vscode.l10n.t('enable key version {0}', what),
};

/** One journal step in words (create and rotation steps by their titles; Revoke/Restore changes by kind). */
export function journalStepName(entry: Pick<JournalEntry, 'flow'>, step: string): string {
    if (entry.flow === 'create') {
        return createStepTitle(step);
    }
    if (entry.flow === 'rotate') {
        return rotationStepLabel(step);
    }
    const [kind = '', what = ''] = step.split(':');
    return changeNames[kind]?.(what) ?? step;
}

/** The notification of a run that did not finish: which command, which registry, how far it got. */
export function interruptedRunText(entry: JournalEntry): string {
    const done = doneSteps(entry).map((step) => journalStepName(entry, step));
    const inFlight = inFlightChange(entry);
    const command = journalCommandName(entry.command);
    const started = new Date(entry.startedAt).toLocaleString();
    const doneText = listText(done);
    return inFlight
        ? vscode.l10n.t({
              message:
                  '{0} on registry "{1}" (started {2}) was interrupted before it finished: VS Code was closed, reloaded or crashed. Done: {3}. Cut off during: {4}.',
              args: [command, entry.registryName, started, doneText, journalStepName(entry, inFlight.step)],
              comment: [
                  '{0}: a command name, such as "Rotate Key"',
                  '{1}: a container registry name',
                  '{2}: a date and time',
                  '{3}: a list of steps, or "nothing"',
                  '{4}: a step, such as "create a new key version"',
              ],
          })
        : vscode.l10n.t({
              message: '{0} on registry "{1}" (started {2}) was interrupted before it finished: VS Code was closed, reloaded or crashed. Done: {3}.',
              args: [command, entry.registryName, started, doneText],
              comment: [
                  '{0}: a command name, such as "Rotate Key"',
                  '{1}: a container registry name',
                  '{2}: a date and time',
                  '{3}: a list of steps, or "nothing"',
              ],
          });
}

/** The one notification of a fleet run (Rotate All …) cut off on several registries: the command and each registry. */
export function interruptedFleetText(entries: readonly JournalEntry[]): string {
    const first = entries[0]!;
    const shown = entries.slice(0, 5).map((entry) => entry.registryName);
    const names =
        entries.length > shown.length
            ? vscode.l10n.t({
                  message: '{0} and {1} more',
                  args: [listText(shown), entries.length - shown.length],
                  comment: ['{0}: a list of registry names', '{1}: a number'],
              })
            : listText(shown);
    return vscode.l10n.t({
        message:
            '{0} (started {1}) was interrupted before it finished on {2} registries: {3}. VS Code was closed, reloaded or crashed. Resume All continues each of them; to handle them one by one, use "Resume or Clean Up an Interrupted Operation…".',
        args: [journalCommandName(first.command), new Date(first.startedAt).toLocaleString(), entries.length, names],
        comment: [
            '{0}: a command name, such as "Rotate All Registries Using This Key"',
            '{1}: a date and time',
            '{2}: the number of registries',
            '{3}: registry names',
        ],
    });
}

/** The line on the registry's row until the run is resumed, cleaned up or dismissed. */
export function interruptedMarkText(entry: JournalEntry): string {
    return vscode.l10n.t(
        '{0} was interrupted on this registry: Resume or Clean Up it from its notification, or with "Resume or Clean Up an Interrupted Operation…".',
        journalCommandName(entry.command),
    );
}

/** What Clean Up of a run takes back, one item each: the resources a create made, or the steps of another flow in words. */
export function cleanUpItems(preview: CleanUpPreview): string[] {
    return preview.flow === 'create'
        ? preview.resources.map((resource) => resource.id)
        : [...new Set(preview.steps.map((step) => journalStepName(preview.entry, step)))];
}
