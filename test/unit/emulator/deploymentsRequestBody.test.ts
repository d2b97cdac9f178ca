import * as assert from 'node:assert';
import { parseArmRequestBody } from '../../emulator/deployments';

// What azure-cli 2.45's JsonCTemplatePolicy sends for `az deployment group create --template-file`:
// json.dumps(envelope)[:-2] + ", template:" + <file text> + "}}".
function cliBody(envelope: object, templateText: string): Buffer {
    return Buffer.from(`${JSON.stringify(envelope).slice(0, -2)}, template:${templateText}}}`, 'utf8');
}

describe('ARM request body reader', () => {
    it('reads plain JSON and reports empty and unreadable bodies like jsonBody()', () => {
        assert.deepStrictEqual(parseArmRequestBody(Buffer.from('{"a":1}')), { a: 1 });
        assert.strictEqual(parseArmRequestBody(Buffer.alloc(0)), undefined);
        assert.strictEqual(parseArmRequestBody(Buffer.from('{"a":')), Symbol.for('invalid-json'));
    });

    it("reads the Azure CLI's spliced template, comments included", () => {
        const template =
            '{\r\n  // a comment\r\n  "$schema": "https://schema.management.azure.com/x#", /* block */\r\n  "variables": { "url": "http://a//b", "q": "say \\"hi\\" /* not a comment */" },\r\n  "resources": []\r\n}';
        const envelope = { properties: { parameters: { kek_id: { value: 'https://v.vault.localhost/keys/k, template:x' } }, mode: 'Incremental' } };
        const parsed = parseArmRequestBody(cliBody(envelope, template)) as { properties: Record<string, unknown> };
        assert.deepStrictEqual(parsed.properties.parameters, envelope.properties.parameters);
        assert.strictEqual(parsed.properties.mode, 'Incremental');
        assert.deepStrictEqual(parsed.properties.template, {
            $schema: 'https://schema.management.azure.com/x#',
            variables: { url: 'http://a//b', q: 'say "hi" /* not a comment */' },
            resources: [],
        });
    });

    it('refuses a spliced body whose template is not JSON', () => {
        assert.strictEqual(parseArmRequestBody(cliBody({ properties: { mode: 'Incremental' } }, '{ "resources": [ }')), Symbol.for('invalid-json'));
    });
});
