import * as pulumi from "@pulumi/pulumi";
import { ProgramInputError } from "../errors/program-input-error";
import { NotFoundError } from "../client/errors";
import { isUnknownPlaceholder } from "../validation";
import { recordReviewedETag, reviewedETag } from "./adoption-cache";
import { OwnershipError } from "../errors/ownership-error";
import { changedFieldsOf } from "../kinds/field-compare";
import { currentOwner, foreignOwner } from "../settings/ownership";
import type { AnyObjectKind } from "../kinds/object-kind";
import { programClient } from "./program-client";

type Props = Record<string, unknown>;
type AnyKind = AnyObjectKind;

const show = (value: unknown) => (value === undefined ? "(unset)" : JSON.stringify(value));

/** The field-by-field report of what taking the object over changes. */
export function adoptionReport(kind: AnyKind, logicalName: string, adoptId: string, server: Props, program: Props): string {
  const comparable = kind.fields.filter((f) => !kind.writeOnlyFields.includes(f));
  const changed = changedFieldsOf(comparable, server, program, kind.setFields).filter((f) => !isUnknownPlaceholder(program[f]));
  const head = `${kind.kind} "${logicalName}" adopts CXone object ${adoptId} ("${String(server.name)}")`;
  if (changed.length === 0) return `${head}: it already equals the program, so adopting it writes nothing.`;
  const lines = changed.map((f) => `    ${f}: ${show(server[f])} => ${show(program[f])}`);
  return `${head}; taking it over changes ${changed.length} field(s):\n${lines.join("\n")}`;
}

/**
 * At preview, reads each object an `adoptId` names and reports, on the resource, what taking it
 * over changes; returns the ETag it read, which becomes the `adoptEtag` input guarding the
 * adoption's write. The update run reuses the ETag its preview recorded (see adoption-cache.ts).
 * Only for resources that are new in this run: an adopted resource already in the state is an
 * ordinary resource, guarded by the ETag in its state.
 */
export function reviewAdoption(
  kind: AnyKind,
  logicalName: string,
  adoptId: pulumi.Input<string>,
  values: pulumi.Output<unknown>,
  normalize: (values: Props) => Props | undefined,
  resource: Promise<pulumi.CustomResource>,
): pulumi.Output<string | undefined> {
  const project = pulumi.getProject();
  const stack = pulumi.getStack();
  return pulumi.all([pulumi.output(adoptId), values]).apply(async ([id, raw]) => {
    if (typeof id !== "string" || id === "") return undefined;
    if (!pulumi.runtime.isDryRun()) {
      const reviewed = reviewedETag(project, stack, logicalName, id);
      if (reviewed) return reviewed;
    }
    let current: Awaited<ReturnType<ReturnType<AnyKind["api"]>["get"]>>;
    try {
      current = await kind.api(programClient()).get(id);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new ProgramInputError(
          `${kind.kind} "${logicalName}": adoptId "${id}" names no ${kind.kind} in CXone, so there is nothing to adopt. Fix: check the id (and that the stack points at the right tenant), or remove adoptId to create a new one.`,
        );
      }
      // The provider's own read at `up` reports API failures with their fix; preview goes on.
      pulumi.log.warn(`${kind.kind} "${logicalName}": could not read adoptId "${id}" to review the adoption: ${(error as Error).message}`);
      return undefined;
    }
    const objectName = String((current.body as { name?: unknown }).name ?? "");
    const owner = foreignOwner(objectName, currentOwner());
    if (owner) throw new OwnershipError(kind.kind, "adopt", objectName, id, owner);
    if (pulumi.runtime.isDryRun()) {
      const program = normalize(raw as Props);
      void resource.then(async (r) => {
        // Known id: the resource is in the state already; nothing is adopted in this run.
        if (await (r.id as unknown as { isKnown: Promise<boolean> }).isKnown) return;
        if (program) {
          const report = adoptionReport(kind, logicalName, id, kind.fromServer(current.body, { owner: currentOwner() }), program);
          (report.includes("writes nothing") ? pulumi.log.info : pulumi.log.warn)(report, r);
        }
        if (current.etag) recordReviewedETag(project, stack, logicalName, id, current.etag);
      });
    }
    return current.etag;
  });
}
