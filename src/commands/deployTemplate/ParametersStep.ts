import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { DeployTemplateContext, TemplateDocument } from './DeployTemplateContext';
import { documentPick, findTemplateDocuments, readParameters } from './templateDocuments';
import { browse } from './TemplateFileStep';

/** Where the parameter values come from: a parameters file (the template's own first), or typed one by one. */
export class ParametersStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'parameters';

    override configureBeforePrompt(context: DeployTemplateContext): void {
        if (!context.parametersSource && Object.keys((context.template?.parameters ?? {}) as object).length === 0) {
            context.parametersSource = 'none';
            context.parameters = {};
        }
    }

    async prompt(context: DeployTemplateContext): Promise<void> {
        const stem = context.templateDocument?.label.replace(/(\.template)?\.json$/i, '').toLowerCase() ?? '';
        const documents = (await findTemplateDocuments('parameters')).sort(
            (a, b) => Number(b.label.toLowerCase().startsWith(stem)) - Number(a.label.toLowerCase().startsWith(stem)),
        );
        const picks: IAzureQuickPickItem<TemplateDocument | 'browse' | 'typed'>[] = [
            ...documents.map(documentPick),
            { label: vscode.l10n.t('$(folder-opened) Browse…'), data: 'browse' },
            { label: vscode.l10n.t('$(edit) Enter parameter values one by one'), data: 'typed' },
        ];
        const picked = (
            await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Parameters of template "{0}"', context.templateDocument?.label ?? '') })
        ).data;
        if (picked === 'typed') {
            context.parametersSource = 'typed';
            context.parameters = {};
            return;
        }
        const document = picked === 'browse' ? await browse(context, vscode.l10n.t('Select the parameters file')) : picked;
        context.parameters = await readParameters(document);
        context.parametersSource = document;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.parametersSource;
    }
}
