import { ProviderError } from "./provider-error";
/**
 * A write was refused with 412: the object changed in CXone after Pulumi last read it. The
 * message says what happened, shows both ETags and what to do.
 */
export class OutOfBandChangeError extends ProviderError {
  readonly code = "out_of_band_change";
  readonly stateETag: string | undefined;
  readonly serverETag: string | undefined;
  constructor(
    kind: string,
    name: string,
    id: string,
    operation: "update" | "delete",
    stateETag: string | undefined,
    serverETag: string | undefined,
  ) {
    super(
      `${kind} "${name}" (id ${id}) was changed outside Pulumi since the last refresh, so the ${operation} was refused ` +
        `and nothing was overwritten (state ETag ${stateETag ?? "none"}, server ETag ${serverETag ?? "unknown"}). ` +
        `Run \`pulumi refresh\` to take the server's version into the state, review the diff with \`pulumi preview\`, then \`pulumi up\`. ` +
        `To overwrite out-of-band edits instead, set conflictPolicy: "overwrite" on the resource or \`pulumi config set cxone:conflictPolicy overwrite\`.`,
    );
    this.name = "OutOfBandChangeError";
    this.stateETag = stateETag;
    this.serverETag = serverETag;
  }
}
