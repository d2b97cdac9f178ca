// The parts of the `vscode` API a tree row is made of (TreeItem, ThemeIcon, ThemeColor, MarkdownString) and a view's
// change event (EventEmitter), as plain classes holding what they were given, for the length of one describe block;
// the rest stays the usual stand-in.
import { vscodeOverrides } from '../badInput/vscodeStandIn';

class TreeItem {
    id?: string;
    description?: string;
    tooltip?: string | MarkdownString;
    iconPath?: ThemeIcon;
    contextValue?: string;
    constructor(
        readonly label: string,
        readonly collapsibleState = 0,
    ) {}
}

class ThemeColor {
    constructor(readonly id: string) {}
}

class ThemeIcon {
    constructor(
        readonly id: string,
        readonly color?: ThemeColor,
    ) {}
}

/** Holds the markdown as written; appendText keeps the text as is (VS Code escapes it, which these tests do not read). */
class MarkdownString {
    constructor(
        public value = '',
        readonly supportThemeIcons = false,
    ) {}
    appendMarkdown(markdown: string): this {
        this.value += markdown;
        return this;
    }
    appendText(text: string): this {
        this.value += text;
        return this;
    }
}

/** Calls its listeners in order, as VS Code's does (no error isolation: a test wants to see a listener fail). */
class EventEmitter<T> {
    private listeners: ((event: T) => unknown)[] = [];
    readonly event = (listener: (event: T) => unknown) => {
        this.listeners.push(listener);
        return {
            dispose: () => {
                this.listeners = this.listeners.filter((candidate) => candidate !== listener);
            },
        };
    };
    fire(event: T): void {
        [...this.listeners].forEach((listener) => listener(event));
    }
    dispose(): void {
        this.listeners = [];
    }
}

const parts: Record<string, unknown> = {
    TreeItem,
    ThemeColor,
    ThemeIcon,
    MarkdownString,
    EventEmitter,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
};

/** Call at the top of a describe block whose code makes tree items. */
export function useTreeItemStandIn(): void {
    before(() => Object.entries(parts).forEach(([name, value]) => vscodeOverrides.set(name, value)));
    after(() => Object.keys(parts).forEach((name) => vscodeOverrides.delete(name)));
}
