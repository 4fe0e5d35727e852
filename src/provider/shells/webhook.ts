import { webhookShell } from "../provider-shell";

// See routing-rule.ts: serialized as `require("pulumi-cxone-routing/shells/webhook")` when installed.
export = webhookShell;
