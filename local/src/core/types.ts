export type ServiceName = 's3' | 'braket' | 'sts' | 'logs' | 'oidc' | 'pricing'
