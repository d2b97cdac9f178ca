import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import { explain } from '../../../src/commands/diagnoseKeyAccess/findingText';
import { finding } from '../../../src/domain/diagnose/Finding';
import { DomainError } from '../../../src/domain/errors';
import {
    encryptionProblemText,
    identityDeletedText,
    identityMissingText,
    identityNotAssignedText,
    keyIdentifierUnreadableText,
    principalIdUsedText,
    systemIdentityDisabledText,
} from '../../../src/l10n/encryptionHealthText';
import { domainErrorMessage } from '../../../src/l10n/domainErrorMessage';
import { fleetWarningText } from '../../../src/l10n/fleetWarningText';
import { consentQuestion } from '../../../src/commands/rotateKey/rotationConsent';
import { rotationChanges } from '../../../src/domain/rotate/rotationChanges';
import { rotationStepNames } from '../../../src/domain/rotate/RotationPlan';

// One sentence per encryption-health fact: the tree's tooltip, Diagnose's findings, the domain errors and the fleet
// warning that state a fact open with the same sentence; only what one of them adds (a deadline, a next step) differs.

describe('encryption health in words: one sentence per fact', () => {
    const removed = identityNotAssignedText('client-1');

    it('"the identity is no longer assigned to the registry": tree, Diagnose (removed, inactive), Rotate\'s refusal, fleet warning', () => {
        assert.equal(removed, 'The identity used for encryption (client ID client-1) is no longer assigned to the registry.');
        const texts = [
            encryptionProblemText({ kind: 'notAssigned', clientId: 'client-1' }),
            explain(finding('identity', 'error', 'identityNotAssigned', { identity: 'id-1', clientId: 'client-1', until: '2027-03-01' })),
            explain(finding('identity', 'error', 'identityNotAssigned', { identity: 'id-1', clientId: 'client-1', until: '' })),
            explain(finding('identity', 'error', 'identityInactive', { identity: 'id-1', clientId: 'client-1', until: '2027-03-01' })),
            domainErrorMessage(new DomainError('EncryptionIdentityRemoved', { registry: 'acr1', clientId: 'client-1' })),
            fleetWarningText({ code: 'identityRemoved', clientId: 'client-1' }),
            consentQuestion(new DomainError('EncryptionIdentityRemoved', { registry: 'acr1', clientId: 'client-1' }), 'acr1')!.detail,
        ];
        for (const text of texts) {
            assert.ok(text.startsWith(removed), text);
        }
        assert.equal(texts[0], removed, 'the tree states the fact alone');
        assert.match(texts[1]!, /at the latest until 2027-03-01/, 'Diagnose adds the deadline');
        assert.match(texts[3]!, /inactive/);
        assert.match(texts[4]!, /registry "acr1"/, 'the refusal names the registry');
        assert.equal(new Set(texts).size, texts.length, 'each adds its own part');
    });

    it('"the identity no longer exists": Diagnose and Rotate\'s refusal', () => {
        const deleted = identityDeletedText('client-1');
        assert.ok(explain(finding('identity', 'error', 'identityDeleted', { clientId: 'client-1' })).startsWith(`${deleted} `));
        assert.ok(domainErrorMessage(new DomainError('EncryptionIdentityDeleted', { registry: 'acr1', clientId: 'client-1' })).startsWith(`${deleted} `));
    });

    it('the other problems: the tree says what Diagnose says', () => {
        const pairs: [string, string, string][] = [
            [
                encryptionProblemText({ kind: 'principalIdUsed', principalId: 'p-1', resourceId: '/x/id-1', name: 'id-1' }),
                explain(finding('identity', 'error', 'identityPrincipalIdUsed', { identity: 'id-1', principalId: 'p-1' })),
                principalIdUsedText('p-1', 'id-1'),
            ],
            [
                encryptionProblemText({ kind: 'systemIdentityDisabled' }),
                explain(finding('identity', 'error', 'systemIdentityDisabled')),
                systemIdentityDisabledText(),
            ],
            [encryptionProblemText({ kind: 'missing' }), explain(finding('identity', 'error', 'identityMissing')), identityMissingText()],
            [
                encryptionProblemText({ kind: 'keyIdentifierInvalid', keyIdentifier: 'https://kv/keys/k' }),
                explain(finding('key', 'error', 'keyIdInvalid', { keyId: 'https://kv/keys/k' })),
                keyIdentifierUnreadableText('https://kv/keys/k'),
            ],
        ];
        for (const [tree, diagnose, sentence] of pairs) {
            assert.deepEqual([tree, diagnose], [sentence, sentence]);
        }
        assert.match(pairs[0]![0], /principal ID p-1 of "id-1"/);
    });
});

describe("Rotate's consent questions give the consent of the change they are about", () => {
    it('every change that needs a consent has a question, and answering it gives exactly that consent', () => {
        for (const step of rotationStepNames) {
            const consent = rotationChanges[step].consent;
            const refusal =
                step === 'reassignIdentity'
                    ? new DomainError('EncryptionIdentityRemoved', { registry: 'acr1', clientId: 'client-1' })
                    : step === 'enableTrustedServices'
                      ? new DomainError('FirewallNeedsTrustedServices', { vault: 'kv1' })
                      : new DomainError('RotationChangeDeclined', {
                            registry: 'acr1',
                            ...(step === 'grantAccess' ? { step, identity: 'system', vault: 'kv1' } : { step }),
                        });
            assert.equal(consentQuestion(refusal, 'acr1')?.key, consent, step);
        }
    });
});
