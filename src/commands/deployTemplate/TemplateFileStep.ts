import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { DeployTemplateContext, TemplateDocument } from './DeployTemplateContext';
import { documentPick, findTemplateDocuments, readTemplate, toDocument } from './templateDocuments';

/** The template: one found in the open editors or the workspace, or a file browsed to. */
export class TemplateFileStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'template';

    async prompt(context: DeployTemplateContext): Promise<void> {
        const picks: IAzureQuickPickItem<TemplateDocument | 'browse'>[] = [
            ...(await findTemplateDocuments('template')).map(documentPick),
            { label: vscode.l10n.t('$(folder-opened) Browse…'), data: 'browse' },
        ];
        const picked = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the ARM template to deploy') })).data;
        const document = picked === 'browse' ? await browse(context, vscode.l10n.t('Select the ARM template to deploy')) : picked;
        context.template = await readTemplate(document);
        context.templateDocument = document;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.templateDocument;
    }
}

export async function browse(context: DeployTemplateContext, title: string): Promise<TemplateDocument> {
    const [uri] = await context.ui.showOpenDialog({ title, canSelectMany: false, filters: { JSON: ['json'] } });
    return toDocument(uri!);
}
