import * as assert from 'node:assert/strict';
import { previewTemplateValue } from '../../../src/domain/create/template/previewNames';

describe('create: template names as the deploy summary shows them', () => {
    const parameters = { registry_name: { value: 'myreg' }, vault_name: { value: 'kv-1' } };

    it('reads literals, parameters(), concat() and format()', () => {
        assert.equal(previewTemplateValue('plain', parameters), 'plain');
        assert.equal(previewTemplateValue('[[not an expression]', parameters), '[not an expression]');
        assert.equal(previewTemplateValue("[parameters('registry_name')]", parameters), 'myreg');
        assert.equal(previewTemplateValue("[format('{0}-key-access', parameters('registry_name'))]", parameters), 'myreg-key-access');
        assert.equal(previewTemplateValue("[concat(parameters('vault_name'), '/add')]", parameters), 'kv-1/add');
        assert.equal(previewTemplateValue("[concat('it''s', '-', parameters('vault_name'))]", parameters), "it's-kv-1");
    });

    it('leaves what only Resource Manager knows unread', () => {
        assert.equal(previewTemplateValue("[reference(parameters('vault_name')).vaultUri]", parameters), undefined);
        assert.equal(previewTemplateValue("[parameters('missing')]", parameters), undefined);
        assert.equal(previewTemplateValue('[guid(resourceGroup().id)]', parameters), undefined);
        assert.equal(previewTemplateValue("[concat('a', resourceGroup().name)]", parameters), undefined);
    });
});
