import * as vscode from 'vscode';
import type { CreateStepFailedError } from '../../domain/create/CreateStepFailedError';
import type { ExistingResource } from '../../domain/create/CreateRunState';
import { errorMessage } from '../../l10n/errorMessage';
import type { CreateRegistryContext } from './CreateRegistryContext';

/** The failed step, Azure's error, the exact list of what exists; then Retry / Delete What This Run Created / Close. */
export async function askAfterFailure(context: CreateRegistryContext, error: CreateStepFailedError): Promise<'retry' | 'cleanup' | 'close'> {
    const retry: vscode.MessageItem = { title: vscode.l10n.t('Retry From Failed Step') };
    const cleanup: vscode.MessageItem = { title: vscode.l10n.t('Delete What This Run Created') };
    const { created, preExisting } = error.report;
    const detail = [
        vscode.l10n.t('Created by this run:'),
        ...listed(created),
        vscode.l10n.t('Already existing (left untouched):'),
        ...listed(preExisting),
    ].join('\n');
    const buttons = created.length > 0 ? [retry, cleanup] : [retry];
    const choice = await vscode.window.showErrorMessage(errorMessage(error), { modal: true, detail }, ...buttons);
    context.telemetry.properties.createFailureStep = error.step;
    return choice === retry ? 'retry' : choice === cleanup ? 'cleanup' : 'close';
}

function listed(resources: readonly ExistingResource[]): string[] {
    return resources.length === 0
        ? [vscode.l10n.t('  (none)')]
        : resources.map((resource) => `  • ${resource.id}${resource.detail ? ` (${resource.detail})` : ''}`);
}
