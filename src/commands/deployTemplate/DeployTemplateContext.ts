import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';
import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import type { CommandServices } from '../CommandServices';

/** A template or parameters document: a file, or an open editor (an exported template not saved yet). */
export interface TemplateDocument {
    readonly uri: vscode.Uri;
    /** What the user reads: the file name, or the editor's title for an untitled document. */
    readonly label: string;
}

/** The answers of "Deploy ARM Template", filled one step at a time (a pre-filled field is not asked). */
export interface DeployTemplateContext extends IActionContext {
    readonly services: CommandServices;
    templateDocument?: TemplateDocument;
    template?: Record<string, unknown>;
    /** A parameters document, or `typed` (every value asked), or `none` (the template declares none). */
    parametersSource?: TemplateDocument | 'typed' | 'none';
    parameters?: Record<string, { value: unknown }>;
    subscription?: SubscriptionTarget;
    resourceGroup?: string;
    deploymentName?: string;
    confirmed?: boolean;
}
