import { routingRuleShell } from "../provider-shell";

// The shell is this module's whole export, so that in an installed package (under node_modules)
// Pulumi's closure serializer writes `require("pulumi-cxone-routing/shells/routing-rule")` into the
// state instead of the shell's text: a few dozen bytes per resource. (From a linked checkout the
// module is not under node_modules, and the shell's text is serialized as before.) The export
// path is public API of the state: it must keep resolving in every later version.
export = routingRuleShell;
