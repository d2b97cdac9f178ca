// What a person sees of VS Code's Quick Input (pick or input box) and the modal dialog, read from the page, and the
// ways a person answers them: type + Enter, the Back arrow, the Back keybinding, Escape.
import type { Page } from 'playwright-core';
import { waitUntil } from '../ui/workbench';

export interface PromptView {
    /** The wizard's title as shown, with the step count: "Create Registry with Customer-Managed Key (3/9)". */
    title: string;
    step?: { index: number; total: number };
    /** The input box's prompt or the pick's placeholder: what the prompt asks. */
    question: string;
    /** What the input box holds now (a pick's filter text). */
    value: string;
    /** The focused row of a pick (the answer Enter takes). */
    focused?: string;
    /** How many rows a pick lists (0 while its items load). */
    rows: number;
    /** A pick with checkboxes (several answers): no row is focused until one is clicked. */
    multi: boolean;
    kind: 'pick' | 'input';
}

const widget = (page: Page) => page.locator('.quick-input-widget');
const input = (page: Page) => page.locator('.quick-input-widget .quick-input-box input');

/** The visible Quick Input, or undefined when none shows. */
export async function readPrompt(page: Page): Promise<PromptView | undefined> {
    if (!(await widget(page).isVisible())) return undefined;
    return widget(page).evaluate(readPromptInPage) as Promise<PromptView>;
}

// Built from text, not written as a function: the test runner's transpiler would wrap named inner functions in a
// helper (`__name`) that the page does not have.
const readPromptInPage = new Function(
    'root',
    `
  const text = (selector) => root.querySelector(selector)?.innerText?.trim() ?? '';
  const box = root.querySelector('.quick-input-box input');
  const title = text('.quick-input-title');
  const match = /\\((\\d+)\\/(\\d+)\\)\\s*$/.exec(title);
  const list = root.querySelector('.quick-input-list');
  const pick = !!list && list.offsetParent !== null;
  const focused = root.querySelector('.quick-input-list .monaco-list-row.focused .monaco-icon-label')?.innerText?.trim();
  // VS Code adds a hint to an input box's prompt while it holds a value.
  const message = text('.quick-input-message').replace(/ \\(Press 'Enter' to confirm or 'Escape' to cancel\\)$/, '');
  return {
    title, step: match ? { index: Number(match[1]), total: Number(match[2]) } : undefined,
    question: pick ? (box?.placeholder ?? '') : (message || box?.placeholder || ''),
    value: box?.value ?? '', focused: pick ? focused : undefined, kind: pick ? 'pick' : 'input',
    rows: root.querySelectorAll('.quick-input-list .monaco-list-row').length,
    multi: (root.querySelector('.quick-input-header .monaco-checkbox')?.offsetParent ?? null) !== null,
  };`,
) as (root: unknown) => PromptView;

/** Waits until a Quick Input asks `question` (matched against its prompt / placeholder) and is ready to answer. */
export async function waitForPrompt(page: Page, question: RegExp, timeoutMs = 60000): Promise<PromptView> {
    let last: PromptView | undefined;
    try {
        return await waitUntil(
            `a prompt asking ${question}`,
            async () => {
                const view = (last = await readPrompt(page));
                if (!view || !question.test(view.question)) return undefined;
                // Items still loading (a single-answer pick focuses its first row once they are there).
                if (view.kind === 'pick' && (view.rows === 0 || (!view.multi && view.focused === undefined))) return undefined;
                return view;
            },
            timeoutMs,
        );
    } catch (error) {
        throw new Error(`${(error as Error).message}; the last prompt seen: ${JSON.stringify(last)}`);
    }
}

/** Filters the pick by `label` and takes the focused match. */
export async function pick(page: Page, label: string): Promise<void> {
    await input(page).fill(label);
    await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: label }).waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
}

/** Types `value` into the input box (replacing what it holds) and presses Enter. */
export async function type(page: Page, value: string): Promise<void> {
    await input(page).fill(value);
    await page.keyboard.press('Enter');
}

/**
 * Enter in the Quick Input: takes the focused item / the value the box holds. The keyboard focus is put back in its
 * box first — after Back, a busy machine can leave it elsewhere (the editor), where Enter would be lost.
 */
export async function accept(page: Page): Promise<void> {
    await input(page).focus();
    await input(page).press('Enter');
}

/** The Quick Input's Back arrow (the title bar's first action). */
export async function clickBack(page: Page): Promise<void> {
    const back = page
        .locator(
            '.quick-input-widget .quick-input-titlebar .action-label.codicon-quick-input-back, .quick-input-widget .quick-input-titlebar a[aria-label="Back"]',
        )
        .first();
    await back.waitFor({ timeout: 10000 });
    await back.click();
}

/** `workbench.action.quickInputBack` through its default Linux keybinding. */
export async function pressBackKey(page: Page): Promise<void> {
    await page.keyboard.press('Control+Alt+Minus');
}

export async function pressEscape(page: Page): Promise<void> {
    await page.keyboard.press('Escape');
}

/** The modal dialog showing now (VS Code draws it in the page), or undefined. */
export async function readModal(page: Page): Promise<{ message: string; detail: string; buttons: string[] } | undefined> {
    const box = page.locator('.monaco-dialog-box');
    if (!(await box.isVisible())) return undefined;
    return box.evaluate((root) => ({
        message: (root.querySelector('.dialog-message-text') as unknown as { innerText?: string } | null)?.innerText?.trim() ?? '',
        detail: (root.querySelector('.dialog-message-detail') as unknown as { innerText?: string } | null)?.innerText?.trim() ?? '',
        buttons: [...root.querySelectorAll('.dialog-buttons .monaco-button')].map((button) => (button as unknown as { innerText: string }).innerText.trim()),
    }));
}

export async function waitForModal(page: Page, message: RegExp, timeoutMs = 60000): Promise<{ message: string; detail: string; buttons: string[] }> {
    return waitUntil(
        `a modal dialog saying ${message}`,
        async () => {
            const modal = await readModal(page);
            return modal && message.test(modal.message) ? modal : undefined;
        },
        timeoutMs,
    );
}

/** Clicks the button; done when that dialog has gone (the next step may open another modal at once). */
export async function clickModalButton(page: Page, label: string): Promise<void> {
    const before = await readModal(page);
    await page
        .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
        .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .first()
        .click();
    await waitUntil(
        `the dialog "${before?.message}" to close`,
        async () => {
            const now = await readModal(page);
            return !now || now.message !== before?.message || now.detail !== before?.detail;
        },
        10000,
    );
}

/** Nothing of the flow shows any more: no Quick Input, no modal. */
export async function waitForNoPrompt(page: Page, timeoutMs = 10000): Promise<void> {
    await waitUntil(
        'the prompts to close',
        async () => !(await widget(page).isVisible()) && !(await page.locator('.monaco-dialog-box').isVisible()),
        timeoutMs,
    );
}
