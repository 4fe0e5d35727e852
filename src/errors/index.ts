export { CxoneRoutingError, isExpectedFailure } from "./cxone-routing-error";
export { quietStack } from "./quiet-stack";
