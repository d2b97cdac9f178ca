import type { Page } from 'playwright-core';

/** The few DOM members used in the page (the project compiles without the DOM library). */
interface Box {
    querySelector(selector: string): Box | null;
    getAttribute(name: string): string | null;
    readonly textContent: string;
    contains(other: unknown): boolean;
    readonly ownerDocument: { readonly activeElement: unknown };
    readonly style: { readonly height: string };
    getBoundingClientRect(): { readonly height: number };
}

const sideBarList = (page: Page) => page.locator('.part.sidebar .monaco-list').first();

/**
 * Rows the side bar's tree holds, visible or not: the list is virtualised (only visible rows are in the DOM), but its
 * scroll content is sized to every row — content height / row height.
 */
export async function treeRowCount(page: Page): Promise<number> {
    return sideBarList(page).evaluate((element) => {
        const list = element as unknown as Box;
        const rows = list.querySelector('.monaco-list-rows');
        const row = list.querySelector('.monaco-list-row');
        if (!rows || !row) {
            return 0;
        }
        return Math.round(parseFloat(rows.style.height) / row.getBoundingClientRect().height);
    });
}

/**
 * Expands every top-level node with the keyboard, bottom-up so each one's children never stand between it and the
 * next: End, then for each focused row: a child → Left (its parent); a collapsed top-level row → Right, until it
 * shows expanded; an expanded one → Up. Each step reads the focused row first, so a key the busy workbench dropped is
 * pressed again, and when the tree has no focused row (it redrew while loading), it is focused again and starts over
 * from End (the rows already expanded are passed over).
 */
export async function expandAllTopLevel(page: Page, topLevelCount: number, timeoutMs = 240_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: FocusedRow | undefined;
    while (Date.now() < deadline) {
        const row = await focusedRow(page);
        last = row ?? last;
        if (!row) {
            await sideBarList(page).focus();
            await page.keyboard.press('End');
        } else if (!row.hasKeyboard) {
            await sideBarList(page).focus(); // a redraw or a notification took the keyboard: keys would go elsewhere
        } else if (row.level > 1) {
            await page.keyboard.press('ArrowLeft');
        } else if (row.expanded === 'false') {
            await page.keyboard.press('ArrowRight');
        } else if (row.position === 1) {
            return;
        } else {
            await page.keyboard.press('ArrowUp');
        }
        await page.waitForTimeout(10);
    }
    throw new Error(`not every one of the ${topLevelCount} top-level rows was expanded within ${timeoutMs} ms (last focused: ${JSON.stringify(last)})`);
}

interface FocusedRow {
    level: number;
    expanded: string | null;
    position: number;
    text: string;
    hasKeyboard: boolean;
}

/**
 * The side bar tree's focused row (the list's focus, drawn or not: undefined if not drawn): level, aria-expanded,
 * position among its siblings, and whether the keyboard (DOM focus) is in the list.
 */
async function focusedRow(page: Page): Promise<FocusedRow | undefined> {
    return sideBarList(page).evaluate((element) => {
        const list = element as unknown as Box;
        const row = list.querySelector('.monaco-list-row.focused');
        if (!row) {
            return undefined;
        }
        // No helper functions in here: the page runs this code as text, without tsx's helpers (e.g. __name).
        return {
            level: Number(row.getAttribute('aria-level')),
            expanded: row.getAttribute('aria-expanded'),
            position: Number(row.getAttribute('aria-posinset')),
            text: row.textContent.slice(0, 60),
            hasKeyboard: list.contains(list.ownerDocument.activeElement),
        };
    });
}

/** Polls the tree's row count until it is `expected`; rejects with the last count at the deadline. */
export async function waitForTreeRows(page: Page, expected: number, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let count = 0;
    while (Date.now() < deadline) {
        count = await treeRowCount(page);
        if (count === expected) {
            return count;
        }
        await page.waitForTimeout(250);
    }
    throw new Error(`the tree shows ${count} rows, expected ${expected}, after ${timeoutMs} ms`);
}

/** The focused row's text after End: the tree's last row (a registry row once everything is expanded). */
export async function lastRowText(page: Page): Promise<string> {
    await page.keyboard.press('End');
    const focused = page.locator('.part.sidebar .monaco-list-row.focused');
    await focused.waitFor({ timeout: 10_000 });
    return focused.innerText();
}
