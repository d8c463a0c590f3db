// AWS STS as the action uses it: AssumeRoleWithWebIdentity (unsigned; GitHub's
// ID token in, temporary credentials out) and GetCallerIdentity (signed), in
// the awsQuery protocol: form-encoded POST in, XML out.
import { randomUUID } from 'node:crypto'
import { stsFacts } from '../../../src/facts/aws-facts.js'
import type { Reply, RequestContext, ServiceDefinition } from '../core/service-server.js'
import type { StandInState } from '../core/state.js'
import { decodeQueryInput, queryParamsOf, type QueryParams } from './query-request.js'
import { SIGNATURE_MISMATCH_MESSAGE, stsErrors } from './sts-errors.js'
import { validationMessage } from './sts-validation.js'
import { renderErrorResponse, renderResult, xmlTimestamp } from './sts-xml.js'
import { acceptedAudiences, DEFAULT_AUDIENCE, maxSessionSecondsOf, trustRuleFor } from './trust.js'
import { verifyWebIdentityToken } from './web-identity.js'

const VERSION = stsFacts.metadata.apiVersion
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/
/** STS's default when DurationSeconds is omitted. */
const DEFAULT_DURATION_SECONDS = 3600
/** Parameters that must never reach the request log. */
const REDACTED = ['WebIdentityToken']

interface AssumeRoleWithWebIdentityInput {
  RoleArn: string
  RoleSessionName: string
  WebIdentityToken: string
  DurationSeconds?: number
}

export function stsService(state: StandInState): ServiceDefinition {
  const paramsByRequest = new WeakMap<RequestContext, QueryParams>()
  const paramsOf = (ctx: RequestContext) => paramsByRequest.get(ctx) ?? queryParamsOf(ctx)

  function assumeRoleWithWebIdentity(params: QueryParams, requestId: string): Reply {
    const input = decodeQueryInput(stsFacts, 'AssumeRoleWithWebIdentityRequest', params) as Record<string, unknown>
    const invalid = validationMessage('AssumeRoleWithWebIdentityRequest', input)
    if (invalid) throw stsErrors.validation(invalid)
    const {
      RoleArn: roleArn,
      RoleSessionName: sessionName,
      WebIdentityToken: token,
      DurationSeconds
    } = input as unknown as AssumeRoleWithWebIdentityInput
    if (!ROLE_ARN.test(roleArn)) throw stsErrors.validation('Request ARN is invalid')

    const rules = state.options.trust
    const identity = verifyWebIdentityToken(token, state.oidc, state.credentials.now(), acceptedAudiences(rules))
    const rule = trustRuleFor(rules, roleArn, identity.subject, identity.audiences)
    if (!rule) throw stsErrors.accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity')
    const duration = DurationSeconds ?? DEFAULT_DURATION_SECONDS
    if (duration > maxSessionSecondsOf(rule))
      throw stsErrors.validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')

    const issued = state.credentials.issueForRole(roleArn, sessionName, duration)
    const audience = identity.audiences.find((aud) => aud === (rule.aud ?? DEFAULT_AUDIENCE)) ?? identity.audiences[0]!
    return renderResult(
      'AssumeRoleWithWebIdentity',
      {
        Credentials: {
          AccessKeyId: issued.accessKeyId,
          SecretAccessKey: issued.secretAccessKey,
          SessionToken: issued.sessionToken,
          Expiration: xmlTimestamp(issued.expiration!)
        },
        SubjectFromWebIdentityToken: identity.subject,
        AssumedRoleUser: { AssumedRoleId: issued.userId, Arn: issued.arn },
        // STS names the IAM OIDC provider resource: its ARN is the issuer's host and path.
        Provider: `arn:aws:iam::${issued.accountId}:oidc-provider/${identity.issuer.replace(/^https?:\/\//, '')}`,
        Audience: audience
      },
      requestId
    )
  }

  function getCallerIdentity(ctx: RequestContext, requestId: string): Reply {
    const caller = ctx.caller!
    return renderResult('GetCallerIdentity', { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn }, requestId)
  }

  return {
    name: 'sts',
    signingName: 'sts',
    unsignedOperations: ['AssumeRoleWithWebIdentity'],
    identify(ctx) {
      const params = queryParamsOf(ctx)
      paramsByRequest.set(ctx, params)
      const logged = Object.fromEntries(params)
      for (const name of REDACTED) if (name in logged) logged[name] = '[redacted]'
      ctx.logBody = logged
      return params.get('Action') || 'Unknown'
    },
    async handle(operation, ctx) {
      const params = paramsOf(ctx)
      const action = params.get('Action')
      if (!action) throw stsErrors.missingAction()
      const version = params.get('Version') || 'NO_VERSION_SPECIFIED'
      if (version !== VERSION || !(action in stsFacts.operations)) throw stsErrors.invalidAction(action, version)
      const requestId = randomUUID()
      switch (operation) {
        case 'AssumeRoleWithWebIdentity':
          return assumeRoleWithWebIdentity(params, requestId)
        case 'GetCallerIdentity':
          return getCallerIdentity(ctx, requestId)
        default:
          throw stsErrors.invalidAction(action, version)
      }
    },
    renderError: (error) => renderErrorResponse(error, randomUUID()),
    throttleError: stsErrors.throttling,
    internalError: stsErrors.internalFailure,
    authError(failure, detail) {
      switch (failure) {
        case 'missing':
          return stsErrors.missingAuthenticationToken()
        case 'unknown-key':
          return stsErrors.invalidClientTokenId()
        case 'expired':
          return stsErrors.expiredToken()
        case 'wrong-service':
          return stsErrors.signatureDoesNotMatch(detail)
        case 'bad-signature':
          return stsErrors.signatureDoesNotMatch(detail.startsWith('The request signature') ? SIGNATURE_MISMATCH_MESSAGE : detail)
      }
    }
  }
}
