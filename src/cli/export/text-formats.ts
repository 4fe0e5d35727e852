/** JSON as Biome formats it: objects one member per line, lists of plain values on one line when they fit. */
export function jsonText(value: unknown, width = 100): string {
  const render = (v: unknown, indent: string, column: number): string => {
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      const flat = `[${v.map((x) => JSON.stringify(x)).join(", ")}]`;
      if (v.every((x) => typeof x !== "object" || x === null) && column + flat.length <= width) return flat;
      const inner = `${indent}  `;
      return `[\n${v.map((x) => `${inner}${render(x, inner, inner.length)}`).join(",\n")}\n${indent}]`;
    }
    if (v && typeof v === "object") {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return "{}";
      const inner = `${indent}  `;
      const members = entries.map(([k, x]) => {
        const head = `${inner}${JSON.stringify(k)}: `;
        return `${head}${render(x, inner, head.length)}`;
      });
      return `{\n${members.join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  return `${render(value, "", 0)}\n`;
}

/** A YAML scalar: plain when that reads back as the same string, else double-quoted (JSON is valid YAML). */
export function yamlScalar(text: string): string {
  const plain =
    /^[A-Za-z0-9_./@+-][A-Za-z0-9 _./@:+-]*$/.test(text) &&
    !/[: ]$/.test(text) &&
    !text.includes(": ") &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(text) &&
    !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) &&
    !/^0x[0-9a-f]+$/i.test(text) &&
    !/^0o[0-7]+$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

export type YamlValue = string | { readonly [key: string]: YamlValue };

/** A YAML mapping of strings and nested mappings, two spaces per level. */
export function yamlMapping(mapping: { readonly [key: string]: YamlValue }, indent = ""): string {
  return Object.entries(mapping)
    .map(([key, value]) =>
      typeof value === "string"
        ? `${indent}${yamlScalar(key)}: ${yamlScalar(value)}\n`
        : Object.keys(value).length === 0
          ? `${indent}${yamlScalar(key)}: {}\n`
          : `${indent}${yamlScalar(key)}:\n${yamlMapping(value, `${indent}  `)}`,
    )
    .join("");
}
