import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { DeployTemplateContext, TemplateDocument } from './DeployTemplateContext';
import { documentPick, findTemplateDocuments, readParameters, readTemplate, toDocument } from './templateDocuments';

/** The template: one found in the open editors or the workspace, or a file browsed to. */
export class TemplateFileStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'template';

    async prompt(context: DeployTemplateContext): Promise<void> {
        const title = vscode.l10n.t('Select the ARM template to deploy');
        const document = await pickDocument(context, await findTemplateDocuments('template'), title, title);
        context.template = await readTemplate(document);
        context.templateDocument = document;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.templateDocument;
    }
}

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
        const picked = await pickDocument(
            context,
            documents,
            vscode.l10n.t('Parameters of template "{0}"', context.templateDocument?.label ?? ''),
            vscode.l10n.t('Select the parameters file'),
            [{ label: vscode.l10n.t('$(edit) Enter parameter values one by one'), data: 'typed' as const }],
        );
        if (picked === 'typed') {
            context.parametersSource = 'typed';
            context.parameters = {};
            return;
        }
        context.parameters = await readParameters(picked);
        context.parametersSource = picked;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.parametersSource;
    }
}

/** The documents found, then Browse… (a file dialog titled `browseTitle`), then `more`. */
async function pickDocument<M = never>(
    context: DeployTemplateContext,
    documents: TemplateDocument[],
    placeHolder: string,
    browseTitle: string,
    more: IAzureQuickPickItem<M>[] = [],
): Promise<TemplateDocument | M> {
    const picks: IAzureQuickPickItem<TemplateDocument | 'browse' | M>[] = [
        ...documents.map(documentPick),
        { label: vscode.l10n.t('$(folder-opened) Browse…'), data: 'browse' },
        ...more,
    ];
    const picked = (await context.ui.showQuickPick(picks, { placeHolder })).data;
    if (picked !== 'browse') {
        return picked;
    }
    const [uri] = await context.ui.showOpenDialog({ title: browseTitle, canSelectMany: false, filters: { JSON: ['json'] } });
    return toDocument(uri!);
}
