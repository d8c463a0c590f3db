// Placeholder until the job lifecycle is written.
import type { StandInState } from '../core/state.js'
export class JobRegistry {
  constructor(readonly state: StandInState) {}
  async stop(): Promise<void> {}
}
