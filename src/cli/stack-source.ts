import { pulumiForStack } from "./pulumi-cli";

export type ObjectKindName = "RoutingRule" | "Webhook";

const TYPES: Record<string, ObjectKindName> = {
  "pulumi-nodejs:dynamic/cxone:RoutingRule": "RoutingRule",
  "pulumi-nodejs:dynamic/cxone:Webhook": "Webhook",
};

/** One CXone object as the stack's state records it. */
export interface ManagedObject {
  readonly kind: ObjectKindName;
  readonly logicalName: string;
  readonly urn: string;
  readonly id: string;
  readonly outputs: Record<string, unknown>;
}

/** The stack's config as plain strings (objects as JSON), secrets decrypted: for the API client only. */
export async function readStackConfig(stack: string, cwd: string): Promise<Record<string, string>> {
  const raw = JSON.parse(await pulumiForStack(["config", "--json", "--show-secrets"], stack, cwd)) as Record<
    string,
    { value?: unknown; objectValue?: unknown }
  >;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(raw)) {
    const value = entry.objectValue ?? entry.value;
    if (value !== undefined) out[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/** The routing rules and webhooks the stack's state holds (secrets stay encrypted). */
export async function readManagedObjects(stack: string, cwd: string): Promise<ManagedObject[]> {
  const exported = JSON.parse(await pulumiForStack(["stack", "export"], stack, cwd)) as {
    deployment?: { resources?: Array<{ urn: string; type: string; id?: string; outputs?: Record<string, unknown> }> };
  };
  return (exported.deployment?.resources ?? []).flatMap((r) => {
    const kind = TYPES[r.type];
    if (!kind || !r.id) return [];
    return [{ kind, logicalName: r.urn.slice(r.urn.lastIndexOf("::") + 2), urn: r.urn, id: r.id, outputs: r.outputs ?? {} }];
  });
}

/** What the program would do, per URN: `pulumi preview --json` (runs the program, writes nothing). */
export async function previewOperations(
  stack: string,
  cwd: string,
): Promise<Map<string, { op: string; name?: string; kind?: ObjectKindName }>> {
  const preview = JSON.parse(await pulumiForStack(["preview", "--json", "--show-sames"], stack, cwd)) as {
    steps?: Array<{ op: string; urn: string; newState?: { type?: string; inputs?: Record<string, unknown> } }>;
  };
  const ops = new Map<string, { op: string; name?: string; kind?: ObjectKindName }>();
  for (const step of preview.steps ?? []) {
    const kind = step.newState?.type ? TYPES[step.newState.type] : undefined;
    const name = step.newState?.inputs?.name;
    ops.set(step.urn, { op: step.op, ...(typeof name === "string" ? { name } : {}), ...(kind ? { kind } : {}) });
  }
  return ops;
}
