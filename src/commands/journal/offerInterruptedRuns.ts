import * as vscode from 'vscode';
import { findInterruptedRuns, groupInterruptedRuns } from '../../domain/engine/interruptedRuns';
import { canCleanUp, type JournalEntry } from '../../domain/engine/JournalEntry';
import { interruptedFleetText, interruptedMarkText, interruptedRunText } from '../../l10n/journalText';
import type { CommandServices } from '../CommandServices';

export type RecoveryAction = 'resume' | 'cleanUp' | 'dismiss';

/**
 * The Resume / Clean Up / Dismiss buttons, in that order (Clean Up only where it is possible); for several registries of
 * one fleet run, the "All" buttons that act on every one of them (Clean Up All only when each can be cleaned up).
 */
export function recoveryChoices(entries: readonly JournalEntry[]): { action: RecoveryAction; title: string }[] {
    const all = entries.length > 1;
    return [
        { action: 'resume', title: all ? vscode.l10n.t('Resume All') : vscode.l10n.t('Resume') },
        ...(entries.every(canCleanUp) ? [{ action: 'cleanUp' as const, title: all ? vscode.l10n.t('Clean Up All') : vscode.l10n.t('Clean Up') }] : []),
        { action: 'dismiss', title: all ? vscode.l10n.t('Dismiss All') : vscode.l10n.t('Dismiss') },
    ];
}

/**
 * On start: one notification per run another (now gone) extension host left unfinished — one per fleet run, however
 * many registries it was cut off on — with Resume / Clean Up / Dismiss; each registry's row is marked until one is
 * chosen. A run of a window still open is not offered.
 */
export async function offerInterruptedRuns(services: CommandServices): Promise<void> {
    if (!services.journal) {
        return;
    }
    const interrupted = await findInterruptedRuns(services.journal);
    for (const entry of interrupted) {
        services.tree.markKeyAccess(entry.registryId, { kind: 'interrupted', summary: interruptedMarkText(entry) });
    }
    for (const group of groupInterruptedRuns(interrupted)) {
        const single = group.entries.length === 1 ? group.entries[0] : undefined;
        const choices = recoveryChoices(group.entries);
        const text = single ? interruptedRunText(single) : interruptedFleetText(group.entries);
        void vscode.window.showWarningMessage(text, ...choices.map((choice) => choice.title)).then((picked) => {
            const action = choices.find((choice) => choice.title === picked)?.action;
            if (action) {
                void vscode.commands.executeCommand('acrCmk.recoverInterruptedRun', single ? { runId: single.id, action } : { groupId: group.id, action });
            }
        });
    }
}
