import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** A checkout with the example algorithm at algorithms/vqe, as actions/checkout leaves it. */
export async function exampleWorkspace(): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), 'workspace-'))
  await cp(resolve('examples/algorithms'), join(workspace, 'algorithms'), { recursive: true })
  return workspace
}
