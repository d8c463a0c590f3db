// The fenced code blocks of a Markdown file, with the line each starts on, so scripts and tests can
// lint or run what the docs tell people to do.

export interface FencedBlock {
  language: string
  body: string
  /** The 1-based line of the block's first body line. */
  line: number
}

export function fencedBlocks(markdown: string, language?: string): FencedBlock[] {
  const blocks: FencedBlock[] = []
  for (const match of markdown.matchAll(/^```([\w-]*)\n([\s\S]*?)^```$/gm)) {
    const line = markdown.slice(0, match.index).split('\n').length + 1
    if (language === undefined || match[1] === language) blocks.push({ language: match[1]!, body: match[2]!, line })
  }
  return blocks
}
