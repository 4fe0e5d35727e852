import * as pulumi from "@pulumi/pulumi";
import { ProgramInputError } from "../errors/program-input-error";
import { NotFoundError } from "../client/errors";
import { OwnershipError } from "../errors/ownership-error";
import { adoptionReport } from "../kinds/adoption-report";
import { currentOwner, foreignOwner } from "../settings/ownership";
import type { AnyObjectKind } from "../kinds/object-kind";
import { programClient } from "./program-client";

type Props = Record<string, unknown>;
type AnyKind = AnyObjectKind;

/**
 * At preview, reads each object an `adoptId` names and reports, on the resource, what taking it
 * over changes; returns the ETag that becomes the `adoptEtag` input guarding the adoption's write.
 *
 * The guard must hold on whichever machine runs `up` (a CI job on a fresh runner keeps nothing of
 * the job that ran the reviewed preview), so the reviewed ETag travels in the program itself: the
 * report prints the `adoptEtag` line to add, the pull request's review covers it, and with it both
 * preview and `up` refuse an object edited since. Without it, `up` guards the write with the ETag
 * its own preview phase read (and prints that report again). Only for resources that are new in
 * this run: an adopted resource already in the state is guarded by the ETag in its state.
 */
export function reviewAdoption(
  kind: AnyKind,
  logicalName: string,
  adoptId: pulumi.Input<string>,
  pinnedETag: pulumi.Input<string> | undefined,
  /** The inputs the program marked secret (secret-inputs.ts): the report names them, never their values. */
  secretFields: pulumi.Output<string[]> | undefined,
  values: pulumi.Output<unknown>,
  normalize: (values: Props) => Props | undefined,
  resource: Promise<pulumi.CustomResource>,
): pulumi.Output<string | undefined> {
  return pulumi
    .all([pulumi.output(adoptId), pulumi.output(pinnedETag), pulumi.output(secretFields ?? []), values])
    .apply(async ([id, pinned, secrets, raw]) => {
      if (typeof id !== "string" || id === "") return undefined;
      const pin = typeof pinned === "string" && pinned !== "" ? pinned : undefined;
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
        pulumi.log.warn(
          `${kind.kind} "${logicalName}": could not read adoptId "${id}" to review the adoption: ${(error as Error).message}`,
        );
        return pin;
      }
      const owner = currentOwner();
      const objectName = String((current.body as { name?: unknown }).name ?? "");
      const foreign = foreignOwner(objectName, owner);
      if (foreign) throw new OwnershipError(kind.kind, "adopt", objectName, id, foreign);
      if (pulumi.runtime.isDryRun()) {
        const program = normalize(raw as Props);
        void resource.then(async (r) => {
          // Known id: the resource is in the state already; nothing is adopted in this run.
          if (await (r.id as unknown as { isKnown: Promise<boolean> }).isKnown) return;
          if (!program) return;
          const report = adoptionReport(kind, logicalName, id, kind.fromServer(current.body, { owner }), program, [
            ...kind.secretFields,
            ...secrets,
          ]);
          if (pin && current.etag !== pin) {
            // check() fails the preview on adoptEtag; this is the review of what changed.
            pulumi.log.warn(
              `${report}\nThe object changed in CXone since the reviewed preview (adoptEtag ${pin}, now ${current.etag ?? "unknown"}).`,
              r,
            );
            return;
          }
          const pinNote = pin
            ? `\nPinned: adoptEtag ${pin} (an edit made after this review is refused wherever \`up\` runs).`
            : `\nTo hold this review on the machine that runs \`up\` (a CI job), pin it in the program: adoptEtag: ${JSON.stringify(current.etag)}.`;
          (report.includes("writes nothing") && pin ? pulumi.log.info : pulumi.log.warn)(`${report}${pinNote}`, r);
        });
      }
      return pin ?? current.etag;
    });
}
