// Every requirements.txt in the archive, read the way pip reads it: a line pip
// would refuse is a problem naming the file and the line, -r includes are followed
// and must stay inside source-dir.
import { describe, expect, it } from '@jest/globals'
import { fileTree } from './support/files.js'
import { logicalLines, RequirementsChecker } from '../src/preflight/requirements-check.js'
import { requirementsFiles } from '../src/runner/requirements-files.js'

const tree = (files: Record<string, string | Buffer>) => fileTree('requirements-', files)

async function checkAll(root: string): Promise<RequirementsChecker> {
  const checker = new RequirementsChecker(root)
  for (const file of await requirementsFiles(root)) await checker.check(file)
  return checker
}

describe('requirements.txt', () => {
  it('lists every file, top folder first, and accepts what pip accepts', async () => {
    const root = await tree({
      'vqe/requirements.txt': [
        '# the algorithm',
        'amazon-braket-sdk>=1.80,<2  # pinned below 2',
        'numpy==1.26.* ; python_version < "3.13"',
        'requests[security] @ https://example.com/requests.whl',
        'scipy --hash=sha256:0123456789abcdef',
        '--index-url https://pypi.example.com/simple',
        '--extra-index-url=https://mirror.example.com/simple',
        '-r extra/more.txt',
        // pip runs from the code directory (the archive's parent folder): local paths start there.
        './vqe/vendored',
        'git+https://github.com/example/tool.git@v1#egg=tool',
        'pennylane \\',
        '  >=0.35',
        '${PRIVATE_PACKAGE}'
      ].join('\n'),
      'vqe/extra/more.txt': 'networkx\n',
      'vqe/vendored/setup.py': '',
      'vqe/sub/requirements.txt': '-c ../constraints.txt\n',
      'vqe/constraints.txt': 'numpy<2\n'
    })
    const checker = await checkAll(root)
    expect(checker.problems).toEqual([])
    expect(checker.listings()).toEqual([
      { path: 'vqe/requirements.txt', requirements: 8, includes: ['vqe/extra/more.txt'] },
      { path: 'vqe/extra/more.txt', requirements: 1, includes: [] },
      { path: 'vqe/sub/requirements.txt', requirements: 0, includes: ['vqe/constraints.txt'] },
      { path: 'vqe/constraints.txt', requirements: 1, includes: [] }
    ])
  })

  it('a bad line is a problem naming source-dir, the file and the line', async () => {
    const root = await tree({ 'vqe/requirements.txt': 'numpy\n\n# comment\nscipy>>=1.0\n--frobnicate\n' })
    const { problems } = await checkAll(root)
    expect(problems.map((problem) => problem.input)).toEqual(['source-dir', 'source-dir'])
    expect(problems[0]!.message).toMatch(
      /^vqe\/requirements\.txt, line 4: "scipy>>=1\.0" is not a requirement pip accepts \(at column \d+:/
    )
    expect(problems[0]!.message).toContain('PEP 508')
    expect(problems[1]!.message).toMatch(/^vqe\/requirements\.txt, line 5: "--frobnicate" is not an option pip accepts/)
  })

  it('includes must stay inside source-dir and exist in the archive', async () => {
    const root = await tree({ 'vqe/requirements.txt': '-r ../../outside.txt\n-r missing.txt\n-e ../elsewhere\n' })
    const { problems } = await checkAll(root)
    expect(problems.map((problem) => problem.message.split(':')[0])).toEqual([
      'vqe/requirements.txt, line 1',
      'vqe/requirements.txt, line 2',
      'vqe/requirements.txt, line 3'
    ])
    expect(problems[0]!.message).toContain('"../../outside.txt" is outside source-dir')
    expect(problems[1]!.message).toContain('"missing.txt" is not in the archive (looked for vqe/missing.txt)')
    expect(problems[2]!.message).toContain('"../elsewhere" is outside source-dir')
  })

  it('an include cycle is read once', async () => {
    const root = await tree({ 'vqe/requirements.txt': '-r other.txt\nnumpy\n', 'vqe/other.txt': '-r requirements.txt\nscipy\n' })
    const checker = await checkAll(root)
    expect(checker.problems).toEqual([])
    expect(checker.listings().map((listing) => listing.path)).toEqual(['vqe/requirements.txt', 'vqe/other.txt'])
  })

  it('numbers logical lines by the line they start on', () => {
    expect(logicalLines('a\\\n  b\n\n# c\nd # e\n')).toEqual([
      { number: 1, text: 'a  b' },
      { number: 5, text: 'd' }
    ])
  })
})
