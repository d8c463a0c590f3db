// The role trust policies, reduced to TrustRule: which role may be assumed by
// which `sub` with which `aud`, and for how long. Globs behave like IAM's
// StringLike/ArnLike: `*` any run of characters (including `/` and `:`), `?` one.
import type { TrustRule } from '../core/state.js'

/** The audience an IAM OIDC provider lists as client ID when a rule names none. */
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com'
/** IAM's default MaxSessionDuration for a role. */
export const DEFAULT_MAX_SESSION_SECONDS = 3600

const globCache = new Map<string, RegExp>()

export function globMatches(glob: string, value: string): boolean {
  let regex = globCache.get(glob)
  if (!regex) {
    const source = glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')
    regex = new RegExp(`^${source}$`, 's')
    globCache.set(glob, regex)
  }
  return regex.test(value)
}

const audienceOf = (rule: TrustRule) => rule.aud ?? DEFAULT_AUDIENCE

/** The OIDC provider's client-ID list: every audience some rule accepts. */
export function acceptedAudiences(rules: readonly TrustRule[]): Set<string> {
  return new Set(rules.map(audienceOf))
}

/** The first rule that lets this subject, with one of these audiences, assume this role. */
export function trustRuleFor(
  rules: readonly TrustRule[],
  roleArn: string,
  subject: string,
  audiences: readonly string[]
): TrustRule | undefined {
  return rules.find((rule) => globMatches(rule.roleArn, roleArn) && globMatches(rule.sub, subject) && audiences.includes(audienceOf(rule)))
}

export function maxSessionSecondsOf(rule: TrustRule): number {
  return rule.maxSessionDurationSeconds ?? DEFAULT_MAX_SESSION_SECONDS
}
