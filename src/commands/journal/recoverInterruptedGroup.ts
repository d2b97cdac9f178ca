import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { InterruptedGroup } from '../../domain/engine/interruptedRuns';
import type { JournalEntry } from '../../domain/engine/JournalEntry';
import { cleanUpRun, previewCleanUp, resumeRun, type CleanUpPreview, type RecoveryStores } from '../../domain/recovery/recoverRun';
import { errorMessage } from '../../l10n/errorMessage';
import { cleanUpItems, journalCommandName } from '../../l10n/journalText';
import { listText } from '../../l10n/listText';
import type { CommandServices } from '../CommandServices';
import type { RecoveryAction } from './offerInterruptedRuns';

type Factory = Parameters<typeof resumeRun>[0];

/**
 * Resume, Clean Up or Dismiss every registry of one fleet run (Rotate All …) cut off by a reload or crash, one registry
 * after another (the run's shared key version is made by the first Resume and found by its tag by the next ones). A
 * failure on one registry does not stop the others: its journal stays, to be offered again.
 */
export async function recoverInterruptedGroup(
    context: IActionContext,
    services: CommandServices,
    group: InterruptedGroup,
    action: RecoveryAction,
    factoryOf: (entry: JournalEntry) => Promise<Factory>,
    stores: RecoveryStores,
): Promise<void> {
    const command = journalCommandName(group.entries[0]!.command);
    if (action === 'dismiss') {
        for (const entry of group.entries) {
            await stores.journal.remove(entry.id);
            services.tree.markKeyAccess(entry.registryId, undefined);
        }
        return;
    }
    const previews = action === 'cleanUp' ? await confirmGroupCleanUp(context, group, factoryOf) : undefined;
    const failed: { entry: JournalEntry; message: string }[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: command }, async (progress) => {
        for (const [index, entry] of group.entries.entries()) {
            progress.report({
                message: vscode.l10n.t({
                    message: '{0} ({1} of {2})',
                    args: [entry.registryName, index + 1, group.entries.length],
                    comment: ['{0}: a container registry name', '{1}: a number', '{2}: the number of registries'],
                }),
            });
            try {
                const factory = await factoryOf(entry);
                if (previews) {
                    await cleanUpRun(factory, previews.get(entry.id) ?? (await previewCleanUp(factory, entry)), stores);
                } else {
                    await resumeRun(factory, entry, stores);
                }
                services.tree.markKeyAccess(entry.registryId, undefined);
            } catch (error) {
                failed.push({ entry, message: errorMessage(error) });
            }
        }
    });
    await services.tree.refresh();
    const finished = group.entries.length - failed.length;
    const doneText =
        action === 'resume'
            ? vscode.l10n.t({
                  message: '{0}: resumed on {1} of {2} registries.',
                  args: [command, finished, group.entries.length],
                  comment: ['{0}: a command name', '{1}: a number', '{2}: the number of registries'],
              })
            : vscode.l10n.t({
                  message: '{0}: cleaned up on {1} of {2} registries; each is as it was before the run.',
                  args: [command, finished, group.entries.length],
                  comment: ['{0}: a command name', '{1}: a number', '{2}: the number of registries'],
              });
    if (failed.length === 0) {
        void vscode.window.showInformationMessage(doneText);
        return;
    }
    const notFinished = failed.map(({ entry, message }) =>
        vscode.l10n.t({ message: '"{0}" ({1})', args: [entry.registryName, message], comment: ['{0}: a container registry name', '{1}: why it failed'] }),
    );
    void vscode.window.showWarningMessage(
        vscode.l10n.t({
            message: '{0} Not finished: {1}. They are still offered by "Resume or Clean Up an Interrupted Operation…".',
            args: [doneText, listText(notFinished)],
            comment: ['{0}: the sentence saying on how many registries it finished', '{1}: registries, each with why it failed'],
        }),
    );
}

/** Clean Up of a whole run takes things back on several registries: one modal names each registry and what it undoes. */
async function confirmGroupCleanUp(
    context: IActionContext,
    group: InterruptedGroup,
    factoryOf: (entry: JournalEntry) => Promise<Factory>,
): Promise<Map<string, CleanUpPreview>> {
    const previews = new Map<string, CleanUpPreview>();
    const lines: string[] = [];
    for (const entry of group.entries) {
        const preview = await previewCleanUp(await factoryOf(entry), entry);
        previews.set(entry.id, preview);
        lines.push(`• ${entry.registryName}: ${listText(cleanUpItems(preview))}`);
    }
    const message = vscode.l10n.t({
        message: 'Take back what the interrupted {0} changed on {1} registries?',
        args: [journalCommandName(group.entries[0]!.command), group.entries.length],
        comment: ['{0}: a command name, such as "Rotate All Registries Using This Key"', '{1}: the number of registries'],
    });
    await context.ui.showWarningMessage(message, { modal: true, detail: lines.join('\n') }, { title: vscode.l10n.t('Clean Up') });
    return previews;
}
