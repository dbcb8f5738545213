/**
 * Shapes of well-known credentials. Adapted from secretlint's recommended
 * preset (@secretlint/secretlint-rule-preset-recommend 12.0.0, MIT: rules aws,
 * gcp, slack, github, gitlab, npm, sendgrid, shopify, openai, anthropic, groq,
 * huggingface, linear, notion, hashicorp-vault, vercel, databricks, docker,
 * figma, grafana, privatekey) plus the Stripe and Google API key shapes that
 * gitleaks documents. secretlint keeps its patterns inside each rule's closure,
 * not as importable data, so the shapes are kept here in one table; refresh it
 * from those sources rather than inventing new ones.
 */
export interface SecretPattern {
  /** Shown in the message: "a literal {{kind}}". Never the value. */
  kind: string;
  pattern: RegExp;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'AWS access key id', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/ },
  { kind: 'Stripe live secret key', pattern: /\b(?:sk|rk)_live_[0-9a-zA-Z]{20,247}\b/ },
  { kind: 'Stripe test secret key', pattern: /\b(?:sk|rk)_test_[0-9a-zA-Z]{20,247}\b/ },
  { kind: 'Slack token', pattern: /\b(?:xoxb|xoxp|xapp|xoxa|xoxo|xoxr)-(?:\d-)?(?:[a-zA-Z0-9]{1,40}-)+[a-zA-Z0-9]{1,40}\b/ },
  { kind: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[a-zA-Z0-9]{1,40}\/B[a-zA-Z0-9]{1,40}\/[a-zA-Z0-9]{1,40}/ },
  { kind: 'GitHub token', pattern: /(?<![A-Za-z0-9_])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}(?![A-Za-z0-9_])/ },
  { kind: 'GitHub fine-grained token', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])/ },
  { kind: 'GitLab token', pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,128}(?![A-Za-z0-9_-])/ },
  { kind: 'npm token', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9_]{36}(?![A-Za-z0-9_])/ },
  { kind: 'SendGrid API key', pattern: /(?<![A-Za-z0-9_])SG\.[\w-]{16,128}\.[\w-]{16,128}(?![\w-])/ },
  { kind: 'Shopify token', pattern: /(?<![A-Za-z0-9_])(?:shppa|shpca|shpat|shpss)_[a-zA-Z0-9]{32,64}(?![a-zA-Z0-9])/ },
  {
    kind: 'OpenAI API key',
    pattern: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{58,74}T3BlbkFJ[A-Za-z0-9_-]{58,74}\b|\bsk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20}\b/,
  },
  { kind: 'Anthropic API key', pattern: /(?<![A-Za-z0-9_-])sk-ant-api0\d-[A-Za-z0-9_-]{90,128}AA(?![A-Za-z0-9_-])/ },
  { kind: 'Groq API key', pattern: /(?<![A-Za-z0-9_])gsk_[a-zA-Z0-9]{52}(?![a-zA-Z0-9])/ },
  { kind: 'Hugging Face token', pattern: /(?<![A-Za-z0-9_])hf_[a-zA-Z]{34}(?![a-zA-Z])/ },
  { kind: 'Linear API key', pattern: /(?<![A-Za-z0-9_])lin_api_[a-zA-Z0-9_]{32,128}(?![a-zA-Z0-9_])/ },
  { kind: 'Notion token', pattern: /(?<![A-Za-z0-9_])ntn_[0-9]{11}[A-Za-z0-9]{35}(?![A-Za-z0-9])/ },
  { kind: 'HashiCorp Vault token', pattern: /(?<![A-Za-z0-9_-])hv[sbr]\.[A-Za-z0-9_-]{90,300}(?![A-Za-z0-9_-])/ },
  { kind: 'Vercel token', pattern: /(?<![A-Za-z0-9_])(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}(?![A-Za-z0-9])/ },
  { kind: 'Databricks token', pattern: /(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Fa-f0-9])/ },
  { kind: 'Docker Hub token', pattern: /(?<![A-Za-z0-9_])dckr_pat_[a-zA-Z0-9_-]{27}(?![a-zA-Z0-9_-])/ },
  { kind: 'Figma token', pattern: /(?<![A-Za-z0-9_])figd_[A-Za-z0-9_-]{40,200}(?![A-Za-z0-9_-])/ },
  { kind: 'Grafana token', pattern: /(?<![A-Za-z0-9_])(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9+/=])/ },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  {
    kind: 'private key',
    // A header alone (tests that check parsing) is not a key: require key material after it.
    pattern: /-----BEGIN[ ]?(?:(?:RSA|DSA|EC|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|\s)*[A-Za-z0-9+/=]{40}/,
  },
];

/** A cheap pre-check: every pattern above contains one of these markers, so most strings skip the table. */
export const SECRET_PATTERN_PREFILTER =
  /A3T|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|[sr]k_(?:live|test)_|xox|xapp-|hooks\.slack|gh[pousr]_|github_pat_|glpat-|npm_|SG\.|shp(?:pa|ca|at|ss)_|sk-|gsk_|hf_|lin_api_|ntn_|hv[sbr]\.|v(?:cp|ci|ca|cr|ck)_|dapi|dckr_pat_|figd_|glc_|glsa_|AIza|PRIVATE KEY/;

/** Every pattern needs at least this many characters; shorter strings skip the table. */
export const MIN_SECRET_PATTERN_LENGTH = 20;

/**
 * Database and broker URLs that can carry a password in their user-info part.
 * From secretlint's database-connection-string rule (MongoDB, MySQL, PostgreSQL),
 * extended to the other schemes ORMs and queues accept.
 */
export const CONNECTION_STRING_PATTERN =
  /\b(?<scheme>mongodb(?:\+srv)?|postgres(?:ql)?|mysql[x2]?|mariadb|mssql|sqlserver|redis(?:s)?|rediss|amqps?|cockroachdb):\/\/(?<user>[^:/\s@]{0,100}):(?<password>[^@/\s]{1,200})@(?<host>[^/\s?]{1,200})/i;
