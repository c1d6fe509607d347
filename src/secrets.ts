/**
 * The secrets keepwarm is configured with, and blanking them out of text
 * before it is logged. Libraries put them in their messages: an HTTP client's
 * error names the Bot API URL, `/bot<TOKEN>/getUpdates`; a driver may quote a
 * connection string. The logger passes every line through `redactor` (one
 * place, every level, every platform), and so does the last-resort message
 * of a failed start.
 *
 * Blanked: each configured value, in the forms it takes in a JSON log line
 * (escaped, and percent-encoded as in a URL), and whatever has the shape of
 * a Slack or Telegram token or a database URL's password even when it was
 * not configured (tokens of workspaces installed through OAuth).
 */

export const REDACTED = '[redacted]';

/** The environment variables that hold secrets. */
const SECRET_VARIABLES = [
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'KEEPWARM_SECRET_KEY',
  'KEEPWARM_IMAP_PASSWORD',
] as const;

/** Shorter values are not secrets worth the name; blanking them would blank ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** The secret values of an environment: the variables above and the password of DATABASE_URL. */
export function secretsIn(env: NodeJS.ProcessEnv): string[] {
  const secrets: string[] = SECRET_VARIABLES.map((name) => env[name]?.trim() ?? '').filter((value) => value !== '');
  const password = passwordOf(env.DATABASE_URL);
  if (password) secrets.push(password);
  return secrets;
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url || !/^postgres(ql)?:\/\//i.test(url.trim())) return undefined;
  try {
    const password = new URL(url.trim()).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

/** Token shapes, blanked whether configured or not. */
const SHAPES: [RegExp, string][] = [
  // Slack: bot, user, app-level, refresh and configuration tokens.
  [/\bxox[abposre]-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, REDACTED],
  // Telegram: 123456789:AAH…, above all inside /bot<TOKEN>/ of a Bot API URL.
  [/\b\d{3,}:[A-Za-z0-9_-]{30,}/g, REDACTED],
  [/(\/bot)\d+:[^/\s"'?]+/g, `$1${REDACTED}`],
  // A password in a connection string: postgres://user:PASSWORD@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s@/"']+@/gi, `$1${REDACTED}@`],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a value can appear in a line of text or of JSON. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>();
  for (const form of [secret, encodeURIComponent(secret)]) {
    forms.add(form);
    forms.add(JSON.stringify(form).slice(1, -1));
  }
  return [...forms];
}

/** A function that blanks out `secrets` (and token shapes) in any text. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(formsOf))].sort((a, b) => b.length - a.length);
  const configured = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    let out = configured ? text.replace(configured, REDACTED) : text;
    for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
    return out;
  };
}
