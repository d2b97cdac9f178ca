import * as assert from 'node:assert/strict';
import { encryptionPolicy, encryptionRole, excessGrants, grantDiff, keyManagementPolicy } from './grantLedger';

const vault = '/subscriptions/s/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv1';
const other = '/subscriptions/s/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv2';
const rules = { encryptionPrincipals: ['id1'], caller: 'me', createdVaults: [vault] };

describe('grant ledger: the "exactly what is needed" check can fail', () => {
    it('accepts the needed grants and names every excessive one', () => {
        const needed = [
            { principal: 'id1', vault, what: encryptionPolicy },
            { principal: 'id1', vault: other, what: encryptionRole },
            { principal: 'me', vault, what: keyManagementPolicy },
        ];
        assert.deepEqual(excessGrants(needed, rules, [vault, other]), []);
        const excessive = [
            { principal: 'id1', vault, what: 'policy:get,list,unwrapkey,wrapkey' },
            { principal: 'id1', vault: '/subscriptions/s', what: encryptionRole },
            { principal: 'me', vault: other, what: keyManagementPolicy },
            { principal: 'someone', vault, what: encryptionPolicy },
        ];
        assert.equal(excessGrants(excessive, rules, [vault, other]).length, 4);
    });

    it('a changed policy counts as removed and added', () => {
        const before = [{ principal: 'id1', vault, what: encryptionPolicy }];
        const after = [{ principal: 'id1', vault, what: 'policy:get,unwrapkey,wrapkey,list' }];
        assert.deepEqual(grantDiff(before, after), { added: after, removed: before });
    });
});
