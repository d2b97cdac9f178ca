import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import { isoDurationText } from '../../../src/l10n/isoDurationText';

describe('rotation intervals in words (not "P30D")', () => {
    it("reads Key Vault's ISO 8601 durations", () => {
        assert.equal(isoDurationText('P30D'), 'every 30 days');
        assert.equal(isoDurationText('P1D'), 'every 1 day');
        assert.equal(isoDurationText('P1Y'), 'every 1 year');
        assert.equal(isoDurationText('P2M'), 'every 2 months');
        assert.equal(isoDurationText('P1Y6M'), 'every 1 year 6 months');
        assert.equal(isoDurationText('P2W'), 'every 2 weeks');
    });

    it('shows anything else as given', () => {
        assert.equal(isoDurationText('PT12H'), 'PT12H');
        assert.equal(isoDurationText('P'), 'P');
        assert.equal(isoDurationText(''), '');
    });
});
