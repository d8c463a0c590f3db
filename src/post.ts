import { runPost } from './follow/post-cleanup.js'

await runPost()
