import { CxoneRoutingError } from "../../errors";

/** `cxone-routing export` could not read the tenant (settings missing or the API failing). */
export class ExportReadError extends CxoneRoutingError {
  readonly code = "export_read_failed";
  constructor(settingsFrom: string, detail: string, cause?: unknown) {
    super(`cannot read the CXone tenant (settings from ${settingsFrom}): ${detail}`, { cause });
  }
}
