// The pre-flight's Python checker, run with python3 as the action runs it: the
// entry point read with ast (never imported), the hyperparameters bound and cast
// the way the Braket job container binds and casts them.
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileTree } from './support/files.js'
import { runChecker, type CheckerRequest, type Finding } from '../src/preflight/python-checker.js'

const EXAMPLE_ROOT = resolve('examples/algorithms')

const tree = (files: Record<string, string | Buffer>) => fileTree('preflight-', files)

async function check(root: string, request: Omit<CheckerRequest, 'root' | 'mustBind'> & { mustBind?: boolean }): Promise<Finding[]> {
  const answer = await runChecker('python3', { mustBind: true, ...request, root }, root)
  if (answer.kind !== 'checked') throw new Error(`checker did not answer: ${JSON.stringify(answer)}`)
  return answer.findings
}

const only = (findings: Finding[], level: Finding['level']) => findings.filter((finding) => finding.level === level)

describe('entry function and hyperparameters', () => {
  it.concurrent("catches the README example's mismatch: layers is no parameter of vqe.main:run", async () => {
    const findings = await check(EXAMPLE_ROOT, { module: 'vqe.main', function: 'run', hyperparameters: { shots: '1000', layers: '3' } })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ level: 'error', input: 'hyperparameters' })
    expect(findings[0]!.message).toContain('do not bind to vqe.main:run(shots, iterations, learning_rate, seed)')
    expect(findings[0]!.message).toContain("unexpected keyword argument 'layers'")
    expect(findings[0]!.message).toContain('hyperparameters-must-bind: false')
  })

  it.concurrent(
    'the example with its own parameters passes, and hyperparameters-must-bind: false turns a mismatch into a warning',
    async () => {
      expect(
        await check(EXAMPLE_ROOT, { module: 'vqe.main', function: 'run', hyperparameters: { shots: '200', iterations: '4' } })
      ).toEqual([])
      const lenient = await check(EXAMPLE_ROOT, { module: 'vqe.main', function: 'run', hyperparameters: { layers: '3' }, mustBind: false })
      expect(lenient.map((finding) => finding.level)).toEqual(['warning'])
    }
  )

  it.concurrent('**kwargs accepts any name; missing required and positional-only parameters do not bind', async () => {
    const root = await tree({
      'algo/main.py': [
        'def open_ended(shots: int, **rest):\n    pass',
        'def needs_both(a, b, c=1):\n    pass',
        'def positional(a, /, b=2):\n    pass',
        'def keyword_only(*, depth: int):\n    pass'
      ].join('\n')
    })
    expect(
      await check(root, { module: 'algo.main', function: 'open_ended', hyperparameters: { shots: '5', anything: 'x', 'odd-name': 'y' } })
    ).toEqual([])
    const missing = await check(root, { module: 'algo.main', function: 'needs_both', hyperparameters: { a: '1' } })
    expect(missing[0]!.message).toMatch(/missing a required argument: 'b'/)
    expect(missing[0]!.message).toContain('needs_both(a (required), b (required), c)')
    const byName = await check(root, { module: 'algo.main', function: 'positional', hyperparameters: { a: '1' } })
    expect(only(byName, 'error')).toHaveLength(1)
    expect(await check(root, { module: 'algo.main', function: 'keyword_only', hyperparameters: { depth: '3' } })).toEqual([])
  })

  it.concurrent('a function without parameters is the classic pattern: a note, not an error', async () => {
    const root = await tree({ 'algo/main.py': 'import os\ndef run():\n    print(os.environ["AMZN_BRAKET_HP_FILE"])\n' })
    const findings = await check(root, { module: 'algo.main', function: 'run', hyperparameters: { shots: '5' } })
    expect(findings).toEqual([expect.objectContaining({ level: 'note', input: 'hyperparameters' })])
    expect(findings[0]!.message).toContain('AMZN_BRAKET_HP_FILE')
  })
})

describe('casts, as the container casts', () => {
  const root = tree({
    'algo/main.py': [
      'import typing',
      'def run(shots: int, rate: float, label: str, verbose: bool, plain, maybe: typing.Optional[int] = None, items: list = ()):',
      '    pass'
    ].join('\n'),
    'future/main.py': 'from __future__ import annotations\ndef run(shots: int):\n    pass\n'
  })
  const hps = { shots: '1000', rate: '1e-3', label: 'x', verbose: 'true', plain: 'anything' }

  it.concurrent('int, float, str, bool and unannotated values that cast pass', async () => {
    expect(await check(await root, { module: 'algo.main', function: 'run', hyperparameters: hps })).toEqual([])
  })

  it.concurrent('int("1e3") fails before anything is spent; float("1e3") does not', async () => {
    const findings = await check(await root, {
      module: 'algo.main',
      function: 'run',
      hyperparameters: { ...hps, shots: '1e3', rate: '1e3' }
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ level: 'error', input: 'hyperparameters' })
    expect(findings[0]!.message).toContain("int('1e3') fails with ValueError")
  })

  it.concurrent('bool("False") is True in the container: a warning', async () => {
    const findings = await check(await root, { module: 'algo.main', function: 'run', hyperparameters: { ...hps, verbose: 'False' } })
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', input: 'hyperparameters' })])
    expect(findings[0]!.message).toContain("bool('False')")
  })

  it.concurrent('Optional[...] cannot be called: an error; other annotations: a warning', async () => {
    const findings = await check(await root, {
      module: 'algo.main',
      function: 'run',
      hyperparameters: { ...hps, maybe: '3', items: 'abc' }
    })
    expect(only(findings, 'error').map((f) => f.message)).toEqual([expect.stringContaining('typing.Optional[int] cannot be called')])
    expect(only(findings, 'warning').map((f) => f.message)).toEqual([expect.stringContaining("list('abc')")])
  })

  it.concurrent('string annotations (from __future__ import annotations) are called by the container and fail', async () => {
    const findings = await check(await root, { module: 'future.main', function: 'run', hyperparameters: { shots: '5' } })
    expect(findings).toEqual([expect.objectContaining({ level: 'error', input: 'hyperparameters' })])
    expect(findings[0]!.message).toContain("'str' object is not callable")
  })
})

describe('modules and source', () => {
  it.concurrent('a module entry point runs as a script: fine with a __main__ block, a warning when it only defines things', async () => {
    const root = await tree({
      'algo/script.py': 'def main():\n    pass\n\nif __name__ == "__main__":\n    main()\n',
      'algo/library.py': '"""Only definitions."""\nimport os\n\ndef main():\n    pass\n',
      'pkg/__init__.py': '',
      'pkg/__main__.py': 'print("hello")\n'
    })
    expect(await check(root, { module: 'algo.script', hyperparameters: {} })).toEqual([])
    expect(await check(root, { module: 'pkg', hyperparameters: {} })).toEqual([])
    const library = await check(root, { module: 'algo.library', hyperparameters: { shots: '5' } })
    expect(library.map((f) => `${f.level} ${f.input}`)).toEqual(['warning entry-point', 'note hyperparameters'])
  })

  it.concurrent("reports a syntax error in the user's file, or in a package's __init__.py, with the file and line", async () => {
    const root = await tree({
      'algo/__init__.py': 'from . import main\n',
      'algo/main.py': 'import os\n\ndef run(shots: int):\n    return shots +\n',
      'good/__init__.py': 'def broken(:\n',
      'good/main.py': 'def run():\n    pass\n'
    })
    const findings = await check(root, { module: 'algo.main', function: 'run', hyperparameters: {} })
    expect(findings).toEqual([expect.objectContaining({ level: 'error', input: 'entry-point' })])
    expect(findings[0]!.message).toMatch(/^algo\/main\.py, line 4(, column \d+)?: invalid syntax/)
    const init = await check(root, { module: 'good.main', function: 'run', hyperparameters: {} })
    expect(init[0]!.message).toMatch(/^good\/__init__\.py, line 1/)
  })

  it.concurrent('names what is missing: no such function, an async function, a function bound by an import', async () => {
    const root = await tree({
      'algo/main.py': 'from .core import imported\n\ndef helper():\n    pass\n\nasync def later():\n    pass\n'
    })
    const missing = await check(root, { module: 'algo.main', function: 'rnu', hyperparameters: {} })
    expect(missing[0]).toMatchObject({ level: 'error', input: 'entry-point' })
    expect(missing[0]!.message).toContain('defines no rnu at its top level (functions defined: helper, later)')
    expect((await check(root, { module: 'algo.main', function: 'later', hyperparameters: {} }))[0]!.message).toContain('async function')
    expect(await check(root, { module: 'algo.main', function: 'imported', hyperparameters: {} })).toEqual([
      expect.objectContaining({ level: 'note', input: 'entry-point' })
    ])
  })

  it.concurrent('is not fooled by hostile source: nothing is executed, and parser-breaking input is a finding, not a crash', async () => {
    const root = await tree({
      'algo/__init__.py': `open(${JSON.stringify('PLACEHOLDER')}, "w").write("ran")\n`,
      'algo/main.py': 'import os\nos.system("touch executed-by-import")\ndef run(shots: int):\n    pass\n',
      'deep/main.py': `x = ${'('.repeat(5000)}1${')'.repeat(5000)}\ndef run():\n    pass\n`,
      'nul/main.py': Buffer.from('def run():\n    pass\n\u0000\n')
    })
    const marker = join(root, 'init-ran')
    await writeFile(join(root, 'algo/__init__.py'), `open(${JSON.stringify(marker)}, "w").write("ran")\n`)
    expect(await check(root, { module: 'algo.main', function: 'run', hyperparameters: { shots: '3' } })).toEqual([])
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(join(root, 'executed-by-import'))).toBe(false)
    for (const module of ['deep.main', 'nul.main']) {
      const findings = await check(root, { module, function: 'run', hyperparameters: {} })
      expect(findings).toEqual([expect.objectContaining({ level: 'error', input: 'entry-point' })])
      expect(findings[0]!.message).toMatch(new RegExp(`^${module.replace('.', '/')}\\.py`))
    }
  })
})
