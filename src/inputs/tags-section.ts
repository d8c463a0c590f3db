// tags: the user's job tags, next to the provenance tags the action adds itself.
import type { RawInputs } from './action-inputs.js'
import { parseStringMap, shownValue, type Report } from './parse-input.js'

/** Tag keys the action sets itself, for provenance. */
export const PROVENANCE_TAG_PREFIX = 'github:'
/** AWS's limit of tags on one resource (a tagging rule across services, not in the Braket model). */
export const MAX_TAGS = 50

export function readTags(raw: RawInputs, ownTagCount: number, report: Report): Record<string, string> {
  const tags = parseStringMap('tags', raw.tags, report)
  for (const key of Object.keys(tags)) {
    if (key.toLowerCase().startsWith('aws:'))
      report({ input: 'tags', message: `${shownValue(key)}: keys starting with aws: (in any case) are reserved for AWS.` })
    if (key.startsWith(PROVENANCE_TAG_PREFIX)) {
      report({
        input: 'tags',
        message: `${shownValue(key)}: the ${PROVENANCE_TAG_PREFIX} prefix is reserved for the provenance tags this action adds.`
      })
    }
  }
  const count = Object.keys(tags).length
  if (count + ownTagCount > MAX_TAGS) {
    report({
      input: 'tags',
      message:
        `has ${count} tags; with the ${ownTagCount} provenance tags the action adds that is more than AWS's ${MAX_TAGS} tags per ` +
        `job. Give at most ${MAX_TAGS - ownTagCount}.`
    })
  }
  return tags
}
