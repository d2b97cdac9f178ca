import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { DeployTemplateContext } from './DeployTemplateContext';

interface DeclaredParameter {
    readonly defaultValue?: unknown;
    readonly type?: string;
}

/** The template parameters that have neither a value nor a default, each asked in turn (one question in the count). */
export class ParameterValuesStep extends AzureWizardPromptStep<DeployTemplateContext> {
    // Part of the parameters question: typing the values the chosen source lacks keeps its number.
    readonly question = 'parameters';
    private typed: string[] = [];

    async prompt(context: DeployTemplateContext): Promise<void> {
        this.undo(context); // Back from the second value to the step before leaves the first one typed: ask it again.
        for (const [name, definition] of missingParameters(context)) {
            const type = (definition.type ?? 'string').toLowerCase();
            const text = await context.ui.showInputBox({
                prompt: vscode.l10n.t('Value of template parameter "{0}" ({1})', name, definition.type ?? 'string'),
                password: type.startsWith('secure'),
                validateInput: (value) =>
                    !value.trim()
                        ? vscode.l10n.t('Enter a value.')
                        : type === 'int' && !/^-?\d+$/.test(value.trim())
                          ? vscode.l10n.t('Enter a whole number.')
                          : undefined,
            });
            context.parameters = { ...context.parameters, [name]: { value: type === 'int' ? Number(text.trim()) : text } };
            this.typed.push(name);
        }
    }

    /** Back to these questions asks them again (the values typed here are the only ones removed). */
    override undo(context: DeployTemplateContext): void {
        const parameters = { ...context.parameters };
        for (const name of this.typed) {
            delete parameters[name];
        }
        context.parameters = parameters;
        this.typed = [];
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return missingParameters(context).length > 0;
    }
}

export function missingParameters(context: Pick<DeployTemplateContext, 'template' | 'parameters'>): [string, DeclaredParameter][] {
    const declared = (context.template?.parameters ?? {}) as Record<string, DeclaredParameter>;
    return Object.entries(declared).filter(
        ([name, definition]) => !(name in (context.parameters ?? {})) && (definition.defaultValue === undefined || definition.defaultValue === ''),
    );
}
