import { CxoneApiError } from "./cxone-api-error";

/** 404: the object does not exist (any more). */
export class NotFoundError extends CxoneApiError {
  readonly code = "not_found";
}
