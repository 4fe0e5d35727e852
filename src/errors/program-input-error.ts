import { CxoneRoutingError } from "./cxone-routing-error";

/**
 * A program declared a resource this package cannot take as written (inputs that are not an
 * object, a `fallback` that is no rule of the program, a logical name declared twice, an
 * `adoptId` that names nothing). Thrown in the program process, before anything reaches the
 * engine; the message names the resource, the field and the fix.
 */
export class ProgramInputError extends CxoneRoutingError {
  readonly code = "program_input";
}
