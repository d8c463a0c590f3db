// tags: the user's job tags, next to the provenance tags the action adds itself.
import type { RawInputs } from './action-inputs.js'
import { parseStringMap, shownValue, type Report } from './parse-input.js'

/** Tag keys the action sets itself, for provenance. */
export const PROVENANCE_TAG_PREFIX = 'github:'
/** AWS's limit of tags on one resource (a tagging rule across services, not in the Braket model). */
export const MAX_TAGS = 50
/** AWS's tagging limits on a key and a value (in characters), likewise outside the Braket model. */
const MAX_KEY_LENGTH = 128
const MAX_VALUE_LENGTH = 256

export function readTags(raw: RawInputs, ownTagCount: number, report: Report): Record<string, string> {
  const tags = parseStringMap('tags', raw.tags, report)
  for (const [key, value] of Object.entries(tags)) {
    if ([...key].length > MAX_KEY_LENGTH)
      report({ input: 'tags', message: `the key ${shownValue(key)} is too long: AWS allows at most ${MAX_KEY_LENGTH} characters.` })
    if ([...value].length > MAX_VALUE_LENGTH)
      report({
        input: 'tags',
        message:
          `the value of ${shownValue(key)} is too long: it has ${[...value].length} characters; AWS allows at most ` +
          `${MAX_VALUE_LENGTH}.`
      })
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
