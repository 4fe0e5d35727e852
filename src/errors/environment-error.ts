import { CxoneRoutingError } from "./cxone-routing-error";

/** The machine cannot run this package as installed (a Node.js too old for a dependency, a module that does not load). */
export class EnvironmentError extends CxoneRoutingError {
  readonly code = "environment";
}
