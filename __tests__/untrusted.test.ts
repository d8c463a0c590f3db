// Text from the repository, the job or AWS, on its way into the log, the summary and comments.
import { describe, expect, it } from '@jest/globals'
import { codeText, jsonForLog, logText, markdownText, preText, quoted } from '../src/common/untrusted.js'

const INJECTION = 'notes\n::warning::X.tmp'

describe('neutralising untrusted text', () => {
  it('keeps it on one line in the log, so it cannot start a workflow command', () => {
    expect(logText(INJECTION)).toBe('notes\\n::warning::X.tmp')
    // The runner takes `##[command]` anywhere in a line, and `::command::` at its start.
    expect(logText('a\r\n##[error]b')).toBe('a\\r\\n##\\[error]b')
    expect(logText('  ::add-mask::x')).toBe('  \\::add-mask::x')
    expect(logText('arn:aws:iam::123456789012:role/x')).toBe('arn:aws:iam::123456789012:role/x')
    expect(quoted('::warning::x')).toBe('"::warning::x"')
    expect(logText('bell\u0007 and \u001b[31mred')).toBe('bell\\u0007 and \\u001b[31mred')
    expect(logText('x'.repeat(600), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(quoted('say "hi"\n')).toBe('"say \\"hi\\"\\n"')
  })

  it('keeps Markdown, HTML and mentions from acting in the summary and comments', () => {
    const hostile = '<img src=x onerror=alert(1)> **bold** [link](http://x) | cell @octocat #12\n- item'
    const text = markdownText(hostile)
    expect(text).not.toMatch(/<img|\*\*bold|\[link\]|[^\\]\||@octocat|\n/)
    expect(text).toContain('&lt;img')
    expect(codeText('a|b @c <d>')).toBe('<code>a&#124;b &#64;c &lt;d&gt;</code>')
    expect(preText('line 1\n</pre><script>')).toBe('<pre>line 1\n&lt;/pre&gt;&lt;script&gt;</pre>')
    expect(markdownText('- starts a list')).toBe('\\- starts a list')
  })

  it('keeps JSON for the log valid and meaning the same', () => {
    const json = JSON.stringify({ shots: 'x\n##[set-output name=status;]DONE' }, null, 2)
    const shown = jsonForLog(json)
    expect(shown).not.toContain('##[')
    expect(JSON.parse(shown)).toEqual(JSON.parse(json))
  })
})
