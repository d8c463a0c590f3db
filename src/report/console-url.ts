export function jobConsoleUrl(region: string, jobArn: string): string {
  return `https://${region}.console.aws.amazon.com/braket/home?region=${region}#/jobs/${jobArn}`
}

export function s3ConsoleUrl(region: string, s3Uri: string): string {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(s3Uri)
  if (!match) return s3Uri
  return `https://${region}.console.aws.amazon.com/s3/buckets/${match[1]}?region=${region}&prefix=${encodeURIComponent(match[2] ?? '')}`
}
