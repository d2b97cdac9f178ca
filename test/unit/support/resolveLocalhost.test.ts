import * as assert from 'node:assert';
import * as https from 'node:https';
describe('preload', () => {
    it('resolves vault names under .localhost', async () => {
        const err = await new Promise<Error>((resolve) => {
            https.get('https://abc.vault.localhost:1/', () => undefined).on('error', resolve);
        });
        assert.match(String((err as NodeJS.ErrnoException).code), /ECONNREFUSED/);
    });
});
