import { hideUrlCredentials } from "./url-credentials";
/**
 * Removes known secrets (client secret, access key secret, issued tokens, the Basic credential) from
 * text before it becomes an error message or an observer event. Servers sometimes echo what they
 * were sent, so messages built from response bodies go through this too.
 */
export interface Redactor {
  add(secret: string | undefined): void;
  redact(text: string): string;
}

const MIN_SECRET_LENGTH = 4;
export const REDACTED = "[redacted]";

export function createRedactor(initial: ReadonlyArray<string | undefined> = []): Redactor {
  const secrets = new Set<string>();
  const add = (secret: string | undefined): void => {
    // Very short values would shred ordinary words; such secrets are not worth the name anyway.
    if (secret && secret.length >= MIN_SECRET_LENGTH) {
      // Servers echo what they were sent in the encoding it was sent in: a JSON body escapes quotes
      // and backslashes, a form body encodes spaces as "+" and more characters than
      // encodeURIComponent does. Each form is removed.
      for (const form of [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
        JSON.stringify(secret).slice(1, -1),
        JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1),
      ]) {
        secrets.add(form);
      }
    }
  };
  initial.forEach(add);
  return {
    add,
    redact(text: string): string {
      let out = text;
      // Longest first, so a secret that contains another is removed whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join(REDACTED);
      }
      // Belt and braces for bearer tokens the redactor never saw (e.g. from another client), and
      // for credentials in any URL a server echoes.
      return hideUrlCredentials(out).replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
    },
  };
}
