export { StackNotFoundError } from "./stack-not-found-error";
export { PulumiCommandError } from "./pulumi-command-error";
export { TenantUnreachableError } from "./tenant-unreachable-error";
export { UsageError } from "./usage-error";
export { ExportReadError } from "./export-read-error";
export { PromotionSourceError } from "./promotion-source-error";
