// The step log as the runner reads it: which lines are workflow commands, by the
// runner's own rules. `::name …::data` counts at a line's start after blanks;
// the legacy `##[name …]data` anywhere in a line; between `::stop-commands::TOKEN`
// and `::TOKEN::` nothing counts.

/** Commands the runner knows (its command extensions, plus stop-commands). */
const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
])

export interface WorkflowCommand {
  name: string
  properties: string
  /** The command's data, unescaped as the runner does (%25, %0D, %0A). */
  data: string
  line: string
  legacy: boolean
}

function unescapeData(data: string): string {
  return data.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function parseLine(line: string): WorkflowCommand | undefined {
  const trimmed = line.trimStart()
  const modern = /^::([^\s:]+)( [^:]*)?::(.*)$/s.exec(trimmed)
  if (modern && REGISTERED.has(modern[1]!.toLowerCase()))
    return { name: modern[1]!.toLowerCase(), properties: modern[2]?.trim() ?? '', data: unescapeData(modern[3]!), line, legacy: false }
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const end = line.indexOf(']', start)
  if (end < 0) return undefined
  const [name = '', ...properties] = line.slice(start + 3, end).split(' ')
  if (!REGISTERED.has(name.toLowerCase())) return undefined
  return { name: name.toLowerCase(), properties: properties.join(' '), data: unescapeData(line.slice(end + 1)), line, legacy: true }
}

/** Every line of stdout the runner would take as a command, in order. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let resumeToken: string | undefined
  for (const line of stdout.split(/\r?\n|\r/)) {
    if (resumeToken !== undefined) {
      // Only the token, used as a command, resumes.
      if (line.trimStart().toLowerCase().startsWith(`::${resumeToken.toLowerCase()}::`)) resumeToken = undefined
      continue
    }
    const command = parseLine(line)
    if (!command) continue
    commands.push(command)
    if (command.name === 'stop-commands') resumeToken = command.data
  }
  return commands
}

/** The text of every ::error command: what the step log shows for each. */
export function errorLines(stdout: string): string[] {
  return workflowCommands(stdout)
    .filter((command) => command.name === 'error')
    .map((command) => command.data)
}
