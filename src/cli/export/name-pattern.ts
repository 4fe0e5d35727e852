/**
 * A name filter: a glob (`*` any text, `?` one character, case-insensitive, whole name) or, between
 * slashes, a regular expression (`/^VIP/i`, matched anywhere).
 */
export function namePattern(pattern: string): (name: string) => boolean {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) {
    const re = new RegExp(regex[1]!, regex[2]);
    return (name) => re.test(name);
  }
  const glob = new RegExp(
    `^${pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("")}$`,
    "is",
  );
  return (name) => glob.test(name);
}
