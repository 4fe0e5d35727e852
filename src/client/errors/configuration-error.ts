import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

export type ConfigurationProblem = "InsecureUrl" | "InvalidUrl" | "MissingSetting" | "InvalidSetting";

/** The client configuration cannot work; raised before any request is sent. */
export class ConfigurationError extends CxoneApiError {
  readonly code = "configuration_error";
  readonly problem: ConfigurationProblem;
  /** The setting at fault, e.g. "baseUrl" or "retry.maxAttempts". */
  readonly setting: string;

  constructor(message: string, context: CxoneErrorContext & { problem: ConfigurationProblem; setting: string }) {
    super(message, context);
    this.problem = context.problem;
    this.setting = context.setting;
  }
}
