import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { RevokeMethod, RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import type { RegistryNode } from '../../tree/RegistryNode';

export interface RevokeContext extends IActionContext {
    readonly node: RegistryNode;
    readonly subscriptionIds: string[];
    method?: RevokeMethod;
    plan?: RevokePlan;
    /** The registry name as typed to confirm; the domain checks it again before any change. */
    typedName?: string;
    /** Consent to the modal that names the registry and everything else affected. */
    warned?: boolean;
}
