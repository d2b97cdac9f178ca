import * as vscode from 'vscode';
import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import { identityNameProblem, keyNameProblem, registryNameProblem, resourceGroupNameProblem, vaultNameProblem } from '../../domain/create/names';
import { requireNameAvailable } from '../../domain/create/preflight';
import type { DomainError } from '../../domain/errors';
import { errorMessage } from '../../l10n/errorMessage';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { validationMessage } from '../wizard/validationMessage';
import type { CreateRegistryContext } from './CreateRegistryContext';

/** What differs between the names Create asks for. */
interface NameQuestion {
    readonly question: string;
    prompt(): string;
    /** The name asked for so far: `''` when it is still to be typed, `undefined` when this flow does not ask it. */
    name(context: CreateRegistryContext): string | undefined;
    /** Stores the typed name (`''` on Back). */
    store(context: CreateRegistryContext, name: string): void;
    suggest?(registryName: string): string;
    problem(value: string): DomainError | undefined;
    /** Azure's check of a name that passes the rules (globally unique names); throws when it is taken. */
    available?(target: SubscriptionTarget, value: string): Promise<void>;
}

/** A name typed for Create: Azure's rules as you type, then (for globally unique names) availability. */
export class NameStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question: string;

    constructor(private readonly asked: NameQuestion) {
        super();
        this.question = asked.question;
    }

    protected clearAnswer(context: CreateRegistryContext): void {
        this.asked.store(context, '');
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const { asked } = this;
        const target = context.subscription!;
        const name = await context.ui.showInputBox({
            prompt: asked.prompt(),
            value: context.registryName ? asked.suggest?.(context.registryName) : undefined,
            validateInput: (value) => validationMessage(asked.problem(value)),
            // A taken name (or a failed check) is the input box's message.
            asyncValidationTask: asked.available && ((value) => asked.available!(target, value).then(() => undefined, errorMessage)),
        });
        asked.store(context, name);
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return this.asked.name(context) === '';
    }
}

/** The names of what Create makes; a new group, identity, vault or key is named after "Create new …" was picked. */
export const names = {
    resourceGroup: {
        question: 'resourceGroup',
        prompt: () => vscode.l10n.t('Name of the new resource group'),
        name: (context) => (context.resourceGroup?.create ? context.resourceGroup.name : undefined),
        store: (context, name) => (context.resourceGroup = { name, create: true }),
        problem: resourceGroupNameProblem,
    },
    /** The SKU is fixed to Premium and the prompt says why. */
    registry: {
        question: 'registryName',
        prompt: () => vscode.l10n.t('Registry name (5-50 letters and digits). SKU: Premium — customer-managed keys are available only in the Premium SKU.'),
        name: (context) => context.registryName ?? '',
        store: (context, name) => (context.registryName = name || undefined),
        problem: registryNameProblem,
        available: (target, value) => requireNameAvailable('registry', target.factory, target.subscriptionId, value),
    },
    identity: {
        question: 'identity',
        prompt: () => vscode.l10n.t('Name of the new user-assigned managed identity'),
        name: (context) => (context.identity?.kind === 'new' ? context.identity.name : undefined),
        store: (context, name) => (context.identity = { kind: 'new', name }),
        suggest: (registryName) => `${registryName}-identity`,
        problem: identityNameProblem,
    },
    /** Its retention is the next step (VaultRetentionStep). */
    vault: {
        question: 'vault',
        prompt: () => vscode.l10n.t('Name of the new key vault (3-24 letters, digits and hyphens; globally unique)'),
        name: (context) => (context.vault?.kind === 'new' ? context.vault.name : undefined),
        store: (context, name) => (context.vault = { kind: 'new', name }),
        problem: vaultNameProblem,
        available: (target, value) => requireNameAvailable('vault', target.factory, target.subscriptionId, value),
    },
    /** Its type and size are the next step (KeySpecStep). */
    key: {
        question: 'key',
        prompt: () => vscode.l10n.t('Name of the new key'),
        name: (context) => (context.key?.kind === 'new' ? context.key.name : undefined),
        store: (context, name) => (context.key = { kind: 'new', name }),
        suggest: (registryName) => `${registryName}-key`,
        problem: keyNameProblem,
    },
} satisfies Record<string, NameQuestion>;
