/** Why a registry's data could not be read: ACR refused (its own code and message), or it could not be asked at all. */
export type DataAccessProblem =
    /** ACR answered 401/403: e.g. `DENIED` when a CMK registry cannot use its key, `UNAUTHORIZED` without a role on it. */
    | { readonly kind: 'denied'; readonly statusCode: number; readonly code: string; readonly message: string }
    /** No answer from the login server (name, network, TLS), no login server known, or an unexpected answer. */
    | { readonly kind: 'unreachable'; readonly reason: string; readonly noLoginServer?: true };

/** What reading the registry's data showed: the catalog, and one manifest's bytes when there is one. */
export type DataAccessResult =
    | {
          readonly kind: 'readable';
          readonly repositoryCount: number;
          /** The manifest that was read (its digest checked by the SDK), or undefined for a registry without images. */
          readonly manifest?: { readonly repository: string; readonly reference: string; readonly digest: string };
      }
    | DataAccessProblem;
