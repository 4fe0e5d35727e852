import { CxoneApiError } from "./cxone-api-error";

/**
 * A PUT or DELETE was asked for without an ETag to send as If-Match. The client refuses it before
 * anything is sent: no write of this package is ever unconditional, whatever the server would do.
 */
export class UnguardedWriteError extends CxoneApiError {
  readonly code = "unguarded_write";
  constructor(method: "PUT" | "DELETE", path: string) {
    super(
      `Refused to send ${method} ${path} without If-Match: every write must be guarded by the ETag of the version it replaces, so nothing was sent. ` +
        "This is a bug in pulumi-cxone-routing; please report it with the command you ran.",
      { method, path },
    );
  }
}
