// Placeholder until the issuer is written.
import type { StandInState } from '../core/state.js'
export class OidcIssuer {
  constructor(readonly state: StandInState) {}
  /** Bearer token for ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  get defaultRequestToken(): string {
    return 'placeholder'
  }
  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  get requestUrl(): string {
    return `${this.state.endpoints.oidc}/token?api-version=2.0`
  }
}
