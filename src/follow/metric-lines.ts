// Braket job metrics, read from the job's log lines the way the Braket SDK's
// LogMetricsParser reads them: a line containing `Metrics - ` carries
// `name=value;` pairs, as braket.jobs.metrics.log_metric prints them:
//   Metrics - timestamp=1700000000.1; cost=-0.93; iteration_number=4;
// Pure.

export interface MetricPoint {
  name: string
  value: number
  /** iteration_number= (or iteration=) on the line: the x axis of the chart. */
  iteration?: number
  /** timestamp= on the line, seconds since the epoch. */
  timestamp?: number
  /** `[node]` at the start of the line, or the instance whose stream it came from. */
  node?: string
}

const MARKER = 'Metrics - '
const PAIR = /(\w+)\s*=\s*([^;]+?)\s*;/g
const NODE_TAG = /^\[([^\]]*)\]/
const SPECIAL = new Set(['timestamp', 'iteration_number', 'iteration', 'node_id'])

/** The metrics on one log line; none for any other line. */
export function parseMetricLine(message: string, node?: string): MetricPoint[] {
  const at = message.indexOf(MARKER)
  if (at < 0) return []
  const pairs = new Map<string, string>()
  for (const match of message.slice(at + MARKER.length).matchAll(PAIR)) pairs.set(match[1]!, match[2]!)
  const number = (key: string) => {
    const text = pairs.get(key)
    const value = text === undefined ? NaN : Number(text)
    return Number.isFinite(value) ? value : undefined
  }
  const iteration = number('iteration_number') ?? number('iteration')
  const timestamp = number('timestamp')
  const lineNode = NODE_TAG.exec(message)?.[1] ?? pairs.get('node_id') ?? node
  const points: MetricPoint[] = []
  for (const [name, text] of pairs) {
    if (SPECIAL.has(name)) continue
    // Python's float() accepts what Number() does, bar "nan"/"inf": those are no use in a chart anyway.
    const value = Number(text)
    if (text.trim() === '' || !Number.isFinite(value)) continue
    points.push({
      name,
      value,
      ...(iteration !== undefined ? { iteration } : {}),
      ...(timestamp !== undefined ? { timestamp } : {}),
      ...(lineNode ? { node: lineNode } : {})
    })
  }
  return points
}
