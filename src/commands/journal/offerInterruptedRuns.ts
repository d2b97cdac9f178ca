import * as vscode from 'vscode';
import { findInterruptedRuns } from '../../domain/engine/interruptedRuns';
import { canCleanUp, type JournalEntry } from '../../domain/engine/JournalEntry';
import { interruptedMarkText, interruptedRunText } from '../../l10n/journalText';
import type { CommandServices } from '../CommandServices';

export type RecoveryAction = 'resume' | 'cleanUp' | 'dismiss';

/** The Resume / Clean Up / Dismiss buttons, in that order (Clean Up only where it is possible). */
export function recoveryChoices(entry: JournalEntry): { action: RecoveryAction; title: string }[] {
    return [
        { action: 'resume', title: vscode.l10n.t('Resume') },
        ...(canCleanUp(entry) ? [{ action: 'cleanUp' as const, title: vscode.l10n.t('Clean Up') }] : []),
        { action: 'dismiss', title: vscode.l10n.t('Dismiss') },
    ];
}

/**
 * On start: one notification per run another (now gone) extension host left unfinished, with Resume / Clean Up /
 * Dismiss; the registry's row is marked until one is chosen. A run of a window still open is not offered.
 */
export async function offerInterruptedRuns(services: CommandServices): Promise<void> {
    if (!services.journal) {
        return;
    }
    const interrupted = await findInterruptedRuns(services.journal);
    for (const entry of interrupted) {
        services.tree.markKeyAccess(entry.registryId, { kind: 'interrupted', summary: interruptedMarkText(entry) });
        const choices = recoveryChoices(entry);
        void vscode.window.showWarningMessage(interruptedRunText(entry), ...choices.map((choice) => choice.title)).then((picked) => {
            const action = choices.find((choice) => choice.title === picked)?.action;
            if (action) {
                void vscode.commands.executeCommand('acrCmk.recoverInterruptedRun', { runId: entry.id, action });
            }
        });
    }
}
