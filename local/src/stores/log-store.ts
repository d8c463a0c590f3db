// CloudWatch Logs data of the stand-in: groups of streams of events, in memory.

export interface LogEvent {
  timestamp: number
  message: string
  ingestionTime: number
  eventId: string
}

export interface LogStream {
  logStreamName: string
  creationTime: number
  firstEventTimestamp?: number
  lastEventTimestamp?: number
  lastIngestionTime?: number
  storedBytes: number
  events: LogEvent[]
}

export class LogStore {
  private readonly groups = new Map<string, Map<string, LogStream>>()
  private sequence = 0

  private group(name: string): Map<string, LogStream> {
    let group = this.groups.get(name)
    if (!group) {
      group = new Map()
      this.groups.set(name, group)
    }
    return group
  }

  hasGroup(name: string): boolean {
    return this.groups.has(name)
  }

  stream(groupName: string, streamName: string): LogStream | undefined {
    return this.groups.get(groupName)?.get(streamName)
  }

  createStream(groupName: string, streamName: string): LogStream {
    const group = this.group(groupName)
    let stream = group.get(streamName)
    if (!stream) {
      stream = { logStreamName: streamName, creationTime: Date.now(), storedBytes: 0, events: [] }
      group.set(streamName, stream)
    }
    return stream
  }

  /** Appends lines to a stream (creating it), as the job container's log driver does. */
  append(groupName: string, streamName: string, messages: readonly string[], timestamp = Date.now()): void {
    const stream = this.createStream(groupName, streamName)
    const ingestionTime = Date.now()
    for (const message of messages) {
      this.sequence += 1
      stream.events.push({ timestamp, message, ingestionTime, eventId: String(this.sequence).padStart(20, '0') })
      stream.storedBytes += Buffer.byteLength(message)
    }
    stream.firstEventTimestamp ??= timestamp
    stream.lastEventTimestamp = timestamp
    stream.lastIngestionTime = ingestionTime
  }

  streams(groupName: string, prefix = ''): LogStream[] {
    return [...(this.groups.get(groupName)?.values() ?? [])]
      .filter((s) => s.logStreamName.startsWith(prefix))
      .sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : 1))
  }
}
