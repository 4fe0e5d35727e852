import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** 412: the If-Match ETag is stale; somebody changed the object since it was read. */
export class PreconditionFailedError extends CxoneApiError {
  readonly code = "precondition_failed";
  readonly currentETag: string | undefined;
  readonly sentETag: string | undefined;

  constructor(message: string, context: CxoneErrorContext & { currentETag?: string; sentETag?: string }) {
    super(message, context);
    this.currentETag = context.currentETag;
    this.sentETag = context.sentETag;
  }
}
