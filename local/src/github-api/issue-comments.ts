// Issue (and pull-request) comments of the GitHub REST API stand-in, in memory.

export interface IssueComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: { login: string; id: number; type: 'Bot' | 'User' }
  author_association: string
  created_at: string
  updated_at: string
}

export class IssueComments {
  private readonly byId = new Map<number, IssueComment & { repository: string; issue: number }>()
  private nextId = 1000

  constructor(private readonly apiUrl: () => string) {}

  list(repository: string, issue: number): IssueComment[] {
    return [...this.byId.values()].filter((c) => c.repository === repository && c.issue === issue).map(strip)
  }

  get(repository: string, id: number): IssueComment | undefined {
    const comment = this.byId.get(id)
    return comment && comment.repository === repository ? strip(comment) : undefined
  }

  /** As a test sets up a comment someone else wrote before the action runs. */
  create(repository: string, issue: number, body: string, author = 'github-actions[bot]'): IssueComment {
    const id = this.nextId++
    const now = new Date().toISOString()
    const comment = {
      id,
      node_id: `IC_${id}`,
      url: `${this.apiUrl()}/repos/${repository}/issues/comments/${id}`,
      html_url: `https://github.com/${repository}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${this.apiUrl()}/repos/${repository}/issues/${issue}`,
      body,
      user: {
        login: author,
        id: author.endsWith('[bot]') ? 41898282 : 1,
        type: author.endsWith('[bot]') ? ('Bot' as const) : ('User' as const)
      },
      author_association: author.endsWith('[bot]') ? 'NONE' : 'MEMBER',
      created_at: now,
      updated_at: now,
      repository,
      issue
    }
    this.byId.set(id, comment)
    return strip(comment)
  }

  update(repository: string, id: number, body: string): IssueComment | undefined {
    const comment = this.byId.get(id)
    if (!comment || comment.repository !== repository) return undefined
    comment.body = body
    comment.updated_at = new Date().toISOString()
    return strip(comment)
  }

  all(): IssueComment[] {
    return [...this.byId.values()].map(strip)
  }
}

function strip(comment: IssueComment & { repository: string; issue: number }): IssueComment {
  const { repository: _repository, issue: _issue, ...rest } = comment
  return { ...rest }
}
