import type { EmulatorContext } from './context';
import type { HttpExchange, HttpReply } from './http';
import { authenticateArm } from './auth/validate';
import { lower } from './ids';

/** The little of Microsoft Graph the Azure CLI asks for (`keyvault create` looks up the signed-in principal). */
export function handleGraph(ctx: EmulatorContext, ex: HttpExchange): HttpReply {
  const auth = authenticateArm(ctx, ex, [ctx.env.graphEndpoint]);
  if ('reply' in auth) return auth.reply;
  const path = ex.path.replace(/\/+$/, '');
  if (/^\/v1\.0\/me$/i.test(path)) {
    return { status: 400, body: { error: { code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' } } };
  }
  const principals = [
    ...Object.values(ctx.world.principals).map((p) => ({ id: p.objectId, appId: p.clientId, displayName: p.displayName, servicePrincipalType: 'Application', servicePrincipalNames: [p.clientId] })),
    ...Object.values(ctx.world.identities).map((i) => ({ id: i.principalId, appId: i.clientId, displayName: i.name, servicePrincipalType: 'ManagedIdentity', servicePrincipalNames: [i.clientId, i.id] })),
  ];
  if (/^\/v1\.0\/servicePrincipals$/i.test(path)) {
    const wanted = /(?:appId\s+eq\s+|c\s+eq\s+)'([^']+)'/i.exec(ex.query['$filter'] ?? '')?.[1];
    const value = principals.filter((p) => !wanted || p.servicePrincipalNames.some((n) => lower(n) === lower(wanted)) || lower(p.appId) === lower(wanted));
    return { status: 200, body: { '@odata.context': `${ctx.env.graphEndpoint}v1.0/$metadata#servicePrincipals`, value } };
  }
  const byId = /^\/v1\.0\/servicePrincipals\/([^/]+)$/i.exec(path)?.[1];
  const found = byId ? principals.find((p) => lower(p.id) === lower(byId)) : undefined;
  if (found) return { status: 200, body: found };
  return { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: `Resource '${byId ?? path}' does not exist or one of its queried reference-property objects are not present.` } } };
}
