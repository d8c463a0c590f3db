// The set-up the process-level tests share: one stand-in and one example
// workspace per test file, the request log and faults cleared between tests.
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { start, type StandIn, type StandInOptions } from '../../local/src/stand-in.js'
import { exampleWorkspace } from './workspace.js'

export interface StandInFixture {
  standIn: StandIn
  workspace: string
}

export function useStandIn(ready: (fixture: StandInFixture) => void, options?: StandInOptions): void {
  let standIn: StandIn | undefined
  beforeAll(async () => {
    standIn = await start(options)
    ready({ standIn, workspace: await exampleWorkspace() })
  })
  afterAll(async () => standIn?.stop())
  beforeEach(() => {
    standIn!.requests.clear()
    standIn!.faults.clear()
  })
}
