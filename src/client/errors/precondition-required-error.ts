import { CxoneApiError } from "./cxone-api-error";

/** 428: a PUT or DELETE went out without If-Match. */
export class PreconditionRequiredError extends CxoneApiError {
  readonly code = "precondition_required";
}
