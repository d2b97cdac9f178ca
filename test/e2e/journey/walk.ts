// Walks a wizard as a person does, from its prompts' text alone: each step is recognised by what it asks, answered
// by typing or picking, and checked for the step count it shows. `walkWithBack` also goes Back from every step (the
// arrow, the keybinding, or a modal's Back button, in turn) and checks that the previous prompt returns with the
// earlier answer kept; `escapeAt` starts the flow again and presses Escape at one step.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
import { takeNotifications } from '../ui/notifications';
import { screenshot } from '../ui/workbench';
import {
    accept,
    clickBack,
    clickModalButton,
    pick,
    pressBackKey,
    pressEscape,
    type,
    waitForModal,
    waitForNoPrompt,
    waitForPrompt,
    type PromptView,
} from './quickInput';

export type Answer = { pick: string } | { type: string } | { button: string };

export interface JourneyStep {
    /** For messages and screenshot names. */
    name: string;
    /** What the prompt asks (its prompt text or placeholder), or a modal's message. */
    asks: RegExp;
    answer: Answer;
    /** The step count the prompt must show, [index, total]; modals show none. */
    count?: [number, number];
    /** What Back must show of this step's answer, when it is not the answer itself (a pick's label as shown). */
    kept?: string;
    /** This prompt offers no Back: the first of its wizard, or a pick made before the wizard starts (which registry). */
    noBack?: boolean;
    /** The step Back returns to, when it is not the one before (modals asked within one wizard step return together). */
    backTo?: string;
    /** Checks on what this step shows (a modal's detail), run when it first shows. */
    check?: (page: Page) => Promise<void>;
    /** The value an input box must hold when it first shows (its default). */
    initially?: string;
}

const isModal = (step: JourneyStep) => 'button' in step.answer;

/** Waits for the step's prompt or modal; checks the step count. */
export async function expectStep(page: Page, step: JourneyStep): Promise<PromptView | undefined> {
    if (isModal(step)) {
        await waitForModal(page, step.asks);
        return undefined;
    }
    const view = await waitForPrompt(page, step.asks);
    if (step.count) {
        assert.deepEqual(
            view.step && [view.step.index, view.step.total],
            step.count,
            `step "${step.name}" shows the count ${JSON.stringify(step.count)} (title: "${view.title}")`,
        );
    }
    return view;
}

export async function answerStep(page: Page, step: JourneyStep): Promise<void> {
    const answer = step.answer;
    if ('pick' in answer) await pick(page, answer.pick);
    else if ('type' in answer) await type(page, answer.type);
    else await clickModalButton(page, answer.button);
}

/** Checks the prompt shows this step's earlier answer: the input's value, or the pick's focused item. */
function assertKept(view: PromptView | undefined, step: JourneyStep): void {
    const answer = step.answer;
    if (!view || 'button' in answer) return;
    if ('type' in answer) {
        assert.equal(view.value, step.kept ?? answer.type, `Back to "${step.name}" keeps the typed answer`);
    } else {
        assert.ok(
            view.focused?.includes(step.kept ?? answer.pick),
            `Back to "${step.name}" focuses the earlier answer "${step.kept ?? answer.pick}" (focused: "${view.focused}")`,
        );
    }
}

/** Takes the kept answer again: Enter for a prompt (what it holds / focuses), the answer's button for a modal. */
async function reaccept(page: Page, step: JourneyStep): Promise<void> {
    if (isModal(step)) await answerStep(page, step);
    else await accept(page);
}

/**
 * Answers every step; at every step that offers Back, goes Back first (alternating the Back arrow and the keybinding
 * on prompts; a modal's own Back button), checks the step it returns to shows its earlier answer, and takes the answers
 * again up to this step.
 */
export async function walkWithBack(page: Page, flow: string, steps: JourneyStep[]): Promise<void> {
    for (let i = 0; i < steps.length; i++) {
        const step = steps[i]!;
        const shown = await expectStep(page, step);
        if (step.initially !== undefined) assert.equal(shown?.value, step.initially, `"${step.name}" first shows its default`);
        await step.check?.(page);
        if (i > 0 && !step.noBack) {
            if (isModal(step)) await clickModalButton(page, 'Back');
            else if (i % 2 === 0) await pressBackKey(page);
            else await clickBack(page);
            const target = step.backTo ? steps.findIndex((candidate) => candidate.name === step.backTo) : i - 1;
            assert.ok(target >= 0 && target < i, `step "${step.backTo}" comes before "${step.name}"`);
            const view = await expectStep(page, steps[target]!);
            assertKept(view, steps[target]!);
            if (i === 1 || isModal(step)) await screenshot(page, `journey-${flow}-back-from-${step.name}`);
            await reaccept(page, steps[target]!);
            for (let again = target + 1; again < i; again++) {
                await expectStep(page, steps[again]!);
                await answerStep(page, steps[again]!);
            }
            await expectStep(page, step);
        }
        await answerStep(page, step);
    }
}

/** Answers the steps before `index`, then Escape at step `index`: the flow must close without any prompt left. */
export async function escapeAt(page: Page, steps: JourneyStep[], index: number): Promise<void> {
    for (let i = 0; i < index; i++) {
        await expectStep(page, steps[i]!);
        await answerStep(page, steps[i]!);
    }
    await expectStep(page, steps[index]!);
    await pressEscape(page);
    await waitForNoPrompt(page);
}

/** What a flow may change in Azure, as the emulator holds it: Escape must leave it byte-identical. */
async function azureState(): Promise<string> {
    const { registries, vaults, identities, groups, roleAssignments } = await getEmulatorJson<Record<string, unknown>>('state');
    return JSON.stringify({ registries, vaults, identities, groups, roleAssignments });
}

/**
 * For each step in turn: starts the flow again (`start`), answers the steps before, presses Escape there; the flow
 * must close with no notification and Azure unchanged.
 */
export async function escapeAtEveryStep(page: Page, start: () => Promise<void>, steps: JourneyStep[]): Promise<void> {
    const before = await azureState();
    await takeNotifications(page);
    for (let index = 0; index < steps.length; index++) {
        await start();
        await escapeAt(page, steps, index);
        assert.deepEqual(await takeNotifications(page), [], `Escape at "${steps[index]!.name}" raised no notification`);
        assert.equal(await azureState(), before, `Escape at "${steps[index]!.name}" changed nothing in Azure`);
    }
}
