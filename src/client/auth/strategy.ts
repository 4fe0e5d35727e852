/** What any token endpoint hands back, normalized. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  readonly scope?: string;
  /** OIDC id_token (real platform); carries the tenantId used for API endpoint discovery. */
  readonly idToken?: string;
}

/** One way of obtaining a bearer token. The token cache decides when to call it. */
export interface AuthStrategy {
  /** For messages, e.g. 'client credentials of client "abc"'; never contains a secret. */
  readonly description: string;
  /** The scope string requested, for messages about missing scopes. */
  readonly requestedScope: string | undefined;
  fetchToken(): Promise<IssuedToken>;
}
