import { GoBackError } from '@microsoft/vscode-azext-utils';

/**
 * For a modal a step shows after its own Quick Pick (a warning about the picked item): the modal's Back returns to
 * that Quick Pick, not to the step before. Resolves `undefined` on Back, else what `ask` resolves.
 */
export async function backToThisPrompt<T>(ask: () => Promise<T>): Promise<T | undefined> {
    try {
        return await ask();
    } catch (error) {
        if (error instanceof GoBackError) {
            return undefined;
        }
        throw error;
    }
}
