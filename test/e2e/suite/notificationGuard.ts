// The in-host suites' notification guard: every error notification the extension shows (through the extension's
// own `vscode.window.showErrorMessage`, which this host shares with the tests) is recorded; after each test, one
// the test did not announce with `expectErrorNotification` fails it, with its text.
import * as vscode from 'vscode';

// Each test file is bundled on its own, so every bundle has its own copy of this module: the state lives on the
// global object, shared by all of them.
interface GuardState {
    shown: string[];
    expected: RegExp[];
}
const key = Symbol.for('acr-cmk.e2e.notificationGuard');
const state = ((globalThis as Record<symbol, GuardState | undefined>)[key] ??= { shown: [], expected: [] });

/** Called by a test that provokes an error on purpose (a fault it injected), before or after provoking it. */
export function expectErrorNotification(...patterns: RegExp[]): void {
    state.expected.push(...patterns);
}

/** Wraps the API's showErrorMessage once; returns false when the API object would not take the wrapper. */
export function installNotificationGuard(): boolean {
    const window = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showErrorMessage;
    const recording = (...args: unknown[]) => {
        state.shown.push(String(args[0]));
        return original.apply(vscode.window, args);
    };
    try {
        window.showErrorMessage = recording;
    } catch {
        return false;
    }
    return window.showErrorMessage === recording;
}

/** The errors shown since the last call that no expectation matched; resets both lists. */
export function takeUnexpectedErrors(): string[] {
    const unexpected = state.shown.filter((message) => !state.expected.some((pattern) => pattern.test(message)));
    state.shown = [];
    state.expected = [];
    return unexpected;
}
