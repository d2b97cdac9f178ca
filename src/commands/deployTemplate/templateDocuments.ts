import * as vscode from 'vscode';
import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import { parseJsonFile, parseTemplateFile, readParameterValues } from '../../domain/create/template/deployTemplate';
import type { TemplateDocument } from './DeployTemplateContext';

export type DocumentKind = 'template' | 'parameters';

const schemaOf: Record<DocumentKind, RegExp> = {
    template: /deploymentTemplate\.json#?$/i,
    parameters: /deploymentParameters\.json#?$/i,
};

/** ARM templates (or parameters files) among the open editors (saved or not) and the workspace's JSON files. */
export async function findTemplateDocuments(kind: DocumentKind): Promise<TemplateDocument[]> {
    const found = new Map<string, TemplateDocument>();
    for (const document of vscode.workspace.textDocuments) {
        if (document.languageId === 'json' && isKind(document.getText(), kind)) {
            found.set(document.uri.toString(), toDocument(document.uri));
        }
    }
    const files = await vscode.workspace.findFiles('**/*.json', '**/{node_modules,.git}/**', 200);
    for (const uri of files) {
        if (!found.has(uri.toString()) && isKind(await readText(uri).catch(() => ''), kind)) {
            found.set(uri.toString(), toDocument(uri));
        }
    }
    return [...found.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The text of a document: the open editor's (unsaved edits included), else the file's. */
export async function readText(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function readTemplate(document: TemplateDocument): Promise<Record<string, unknown>> {
    return parseTemplateFile(await readText(document.uri), document.label);
}

/** The `{ name: { value } }` of a parameters document. */
export async function readParameters(document: TemplateDocument): Promise<Record<string, { value: unknown }>> {
    return readParameterValues(parseJsonFile(await readText(document.uri), document.label) as Record<string, unknown> | undefined);
}

/** A document as a Quick Pick item: its name, and where it is (or that it is not saved). */
export function documentPick(document: TemplateDocument): IAzureQuickPickItem<TemplateDocument> {
    return {
        label: document.label,
        description: document.uri.scheme === 'untitled' ? vscode.l10n.t('not saved') : vscode.workspace.asRelativePath(document.uri),
        data: document,
    };
}

/** A file (or an open editor), labelled by its file name, or an untitled editor's title. */
export function toDocument(value: vscode.Uri | string): TemplateDocument {
    const uri = typeof value === 'string' ? vscode.Uri.file(value) : value;
    return { uri, label: uri.scheme === 'untitled' ? uri.path : (uri.path.split('/').pop() ?? uri.path) };
}

function isKind(text: string, kind: DocumentKind): boolean {
    try {
        const schema = (JSON.parse(text.replace(/^\uFEFF/, '')) as { $schema?: unknown }).$schema;
        return typeof schema === 'string' && schemaOf[kind].test(schema);
    } catch {
        return false;
    }
}
