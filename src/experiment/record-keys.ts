// Where experiment records live in the job's bucket:
//   <prefix>/experiments/<experiment>/<ref>/<record name>.json
//   <prefix>/experiments/<experiment>/<ref>/latest-completed.json
// A record's name starts with the time counted down from the year 2286, so S3's
// listing (ascending, and never reversed) returns a ref's newest records first and
// a few keys are enough to find them, however many runs the ref has had. The
// readable time and the run follow, for people browsing the bucket.

const NAME_TIME_LIMIT_MS = 9_999_999_999_999
const RECORD_NAME = /^\d{13}-\d{8}T\d{6}Z-run[\w.-]+\.json$/

export const POINTER_NAME = 'latest-completed.json'

export function refFolder(prefix: string, experiment: string, ref: string): string {
  return `${prefix ? `${prefix}/` : ''}experiments/${experiment}/${ref}/`
}

export function recordKey(folder: string, submittedAtMs: number, runId: string, attempt: number): string {
  const countdown = String(NAME_TIME_LIMIT_MS - submittedAtMs).padStart(13, '0')
  const readable = new Date(submittedAtMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${folder}${countdown}-${readable}-run${runId}-${attempt}.json`
}

export function pointerKey(folder: string): string {
  return `${folder}${POINTER_NAME}`
}

export function isRecordKey(folder: string, key: string): boolean {
  return key.startsWith(folder) && RECORD_NAME.test(key.slice(folder.length))
}
