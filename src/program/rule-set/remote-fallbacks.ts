import { NotFoundError } from "../../client/errors";
import { findRemoteCycles, isUnknownPlaceholder, type AnalyzableRule, type Finding } from "../../validation";
import { currentOwner, withoutOwner } from "../../settings/ownership";
import { programClient } from "../program-client";

/**
 * Follows fallbackRuleId chains into CXone (GETs only, each rule at most once) to find cycles
 * that pass through rules outside the stack. Runs only when some rule names a known CXone id.
 */
export async function checkRemoteFallbacks(rules: readonly AnalyzableRule[]): Promise<{ errors: Finding[]; warnings: Finding[] }> {
  const remote = rules.filter((r) => r.fallback === undefined && r.fallbackRuleId && !isUnknownPlaceholder(r.fallbackRuleId));
  if (remote.length === 0) return { errors: [], warnings: [] };
  let client;
  try {
    client = programClient();
  } catch (error) {
    const reason = `remote fallback chains were not checked: ${(error as Error).message}`;
    return { errors: [], warnings: remote.map((r) => ({ key: r.key, field: "fallbackRuleId", reason, code: "remote_check_skipped" })) };
  }
  // A remote chain may lead back into this stack: know the program's rules by their CXone ids
  // (names are unique per tenant). One paged listing (the client's snapshot) answers both that and,
  // when the list carries ETags or not, every remote rule it holds; ids it does not hold are GETs.
  const snapshot = await client.rules.snapshot();
  const owner = currentOwner();
  const idByName = new Map([...snapshot.items.values()].map(({ object }) => [withoutOwner(object.name, owner), object.id]));
  const known = rules.map((r) => (idByName.has(r.name) ? { ...r, id: idByName.get(r.name)! } : r));
  const remoteRule = (body: { id: string; name: string; fallbackRuleId?: string | undefined }) => ({
    id: body.id,
    name: body.name,
    ...(body.fallbackRuleId ? { fallbackRuleId: body.fallbackRuleId } : {}),
  });
  const errors = await findRemoteCycles(known, async (id) => {
    const listed = snapshot.items.get(id);
    if (listed) return remoteRule(listed.object);
    try {
      return remoteRule((await client.rules.get(id)).body);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  });
  return { errors, warnings: [] };
}
