export { CxoneRoutingError } from "./cxone-routing-error";
