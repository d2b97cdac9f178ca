import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { DomainError } from '../../domain/errors';
import { findInterruptedRuns, groupInterruptedRuns } from '../../domain/engine/interruptedRuns';
import type { JournalEntry } from '../../domain/engine/JournalEntry';
import { cleanUpRun, previewCleanUp, resumeRun, type CleanUpOutcome, type CleanUpPreview } from '../../domain/recovery/recoverRun';
import { cleanUpItems, interruptedRunText, journalCommandName, journalStepName } from '../../l10n/journalText';
import type { CommandServices } from '../CommandServices';
import { revocationStore } from '../keyAccessServices';
import { recoverInterruptedGroup } from './recoverInterruptedGroup';
import { recoveryChoices, type RecoveryAction } from './offerInterruptedRuns';

/**
 * `executeCommand('acrCmk.recoverInterruptedRun', { runId, action })`: the notification's buttons (`groupId`: every
 * registry of one fleet run at once); without it, pick.
 */
export interface RecoverArgs {
    readonly runId?: string;
    readonly groupId?: string;
    readonly action?: RecoveryAction;
}

/**
 * Resume or Clean Up an Interrupted Operation: a run cut off by a reload or crash is finished from the first change it
 * had not made (Azure read again first), or what it made is taken back (a modal confirmation names each resource), or
 * it is forgotten.
 */
export async function recoverInterruptedRun(context: IActionContext, services: CommandServices, arg?: unknown): Promise<void> {
    const args = (arg ?? {}) as RecoverArgs;
    const store = services.journal;
    const interrupted = store ? await findInterruptedRuns(store) : [];
    const group = args.groupId && args.action ? groupInterruptedRuns(interrupted).find((candidate) => candidate.id === args.groupId) : undefined;
    const factoryOf = async (entry: JournalEntry) => {
        const target = (await services.inventory.getSubscriptions()).find(
            (candidate) => candidate.subscriptionId.toLowerCase() === entry.subscriptionId.toLowerCase(),
        );
        if (!target) {
            throw new DomainError('SubscriptionNotSelected', { subscription: entry.subscriptionId, registry: entry.registryName });
        }
        return target.factory;
    };
    if (group && store && args.action) {
        await recoverInterruptedGroup(context, services, group, args.action, factoryOf, { journal: store, revocations: revocationStore(services) });
        return;
    }
    const entry = args.runId ? interrupted.find((candidate) => candidate.id === args.runId) : await pickRun(context, interrupted);
    if (!entry || !store) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No interrupted operation is waiting: it was resumed, cleaned up or dismissed already.'));
        return;
    }
    const action =
        args.action ??
        (
            await context.ui.showQuickPick(
                recoveryChoices([entry]).map((choice) => ({ label: choice.title, data: choice.action })),
                { placeHolder: interruptedRunText(entry), suppressPersistence: true },
            )
        ).data;
    if (action === 'dismiss') {
        await store.remove(entry.id);
        services.tree.markKeyAccess(entry.registryId, undefined);
        return;
    }
    const factory = await factoryOf(entry);
    const stores = { journal: store, revocations: revocationStore(services) };
    const command = journalCommandName(entry.command);
    if (action === 'resume') {
        await withProgress(vscode.l10n.t('Resuming {0} on {1}…', command, entry.registryName), () => resumeRun(factory, entry, stores));
        services.tree.markKeyAccess(entry.registryId, undefined);
        void vscode.window.showInformationMessage(
            vscode.l10n.t('{0} on registry "{1}" finished: every change it had planned is made.', command, entry.registryName),
        );
    } else {
        const preview = await previewCleanUp(factory, entry);
        await confirmCleanUp(context, preview);
        const outcome = await withProgress(vscode.l10n.t('Cleaning up {0} on {1}…', command, entry.registryName), () => cleanUpRun(factory, preview, stores));
        services.tree.markKeyAccess(entry.registryId, undefined);
        void vscode.window.showInformationMessage(cleanUpText(entry, outcome));
    }
    await services.tree.refresh();
}

async function pickRun(context: IActionContext, interrupted: JournalEntry[]): Promise<JournalEntry | undefined> {
    if (interrupted.length === 0) {
        return undefined;
    }
    const picks: IAzureQuickPickItem<JournalEntry>[] = interrupted.map((entry) => ({
        label: vscode.l10n.t('{0} — {1}', journalCommandName(entry.command), entry.registryName),
        description: new Date(entry.startedAt).toLocaleString(),
        data: entry,
    }));
    return (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Pick the interrupted operation'), suppressPersistence: true })).data;
}

/** Clean Up deletes or takes back things: a modal confirmation names each of them first. */
async function confirmCleanUp(context: IActionContext, preview: CleanUpPreview): Promise<void> {
    const entry = preview.entry;
    const items = cleanUpItems(preview);
    const list = items.length > 0 ? items.map((item) => `• ${item}`).join('\n') : vscode.l10n.t('nothing');
    const message =
        entry.flow === 'create'
            ? vscode.l10n.t(
                  'Delete what the interrupted {0} of registry "{1}" created? Nothing that existed before it is touched.',
                  journalCommandName(entry.command),
                  entry.registryName,
              )
            : vscode.l10n.t('Take back what the interrupted {0} on registry "{1}" changed?', journalCommandName(entry.command), entry.registryName);
    await context.ui.showWarningMessage(message, { modal: true, detail: list }, { title: vscode.l10n.t('Clean Up') });
}

function cleanUpText(entry: JournalEntry, outcome: CleanUpOutcome): string {
    if (outcome.flow === 'create') {
        const deleted = outcome.deleted.map((resource) => resource.id.split('/').pop() ?? resource.id);
        return vscode.l10n.t(
            'Cleaned up the interrupted {0} of registry "{1}": deleted {2}.',
            journalCommandName(entry.command),
            entry.registryName,
            deleted.length > 0 ? deleted.join(', ') : vscode.l10n.t('nothing'),
        );
    }
    const kept = outcome.kept.map((step) => journalStepName(entry, step));
    const base = vscode.l10n.t(
        'Cleaned up the interrupted {0} on registry "{1}": the registry is as it was before it.',
        journalCommandName(entry.command),
        entry.registryName,
    );
    return kept.length > 0 ? `${base} ${vscode.l10n.t('Kept (cannot be taken back, or may serve others): {0}.', kept.join(vscode.l10n.t(', ')))}` : base;
}

function withProgress<T>(title: string, run: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, run));
}
