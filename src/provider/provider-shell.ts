import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * Thin providers for closure serialization: each method loads the implementation by package
 * name inside the provider process. Nothing is captured but a string, so no credential, client
 * or module graph lands in `__provider`; the runtime's one provider host (its run context, the
 * client's token cache and rate limiter) serves every resource of the run.
 *
 * The text is kept short because it is stored twice per resource (inputs and outputs): one-letter
 * parameters and the runtime's short aliases `r` (routingRuleProvider) and `w` (webhookProvider).
 * Every serialized method costs a fixed wrapper of about 130 bytes on top of its text (the SDK's
 * closure serializer), which is why a provider of seven methods cannot get as small as a bare
 * one-method provider. States written with the longer names keep working: runtime.ts still
 * exports `routingRuleProvider`, `webhookProvider` and `configure`.
 */
export const routingRuleShell: dynamic.ResourceProvider = {
  configure: (q) => require("pulumi-cxone-routing/runtime").configure(q),
  check: (o, n) => require("pulumi-cxone-routing/runtime").r.check(o, n),
  diff: (i, o, n) => require("pulumi-cxone-routing/runtime").r.diff(i, o, n),
  create: (n) => require("pulumi-cxone-routing/runtime").r.create(n),
  read: (i, o) => require("pulumi-cxone-routing/runtime").r.read(i, o),
  update: (i, o, n) => require("pulumi-cxone-routing/runtime").r.update(i, o, n),
  delete: (i, o) => require("pulumi-cxone-routing/runtime").r.delete(i, o),
};

export const webhookShell: dynamic.ResourceProvider = {
  configure: (q) => require("pulumi-cxone-routing/runtime").configure(q),
  check: (o, n) => require("pulumi-cxone-routing/runtime").w.check(o, n),
  diff: (i, o, n) => require("pulumi-cxone-routing/runtime").w.diff(i, o, n),
  create: (n) => require("pulumi-cxone-routing/runtime").w.create(n),
  read: (i, o) => require("pulumi-cxone-routing/runtime").w.read(i, o),
  update: (i, o, n) => require("pulumi-cxone-routing/runtime").w.update(i, o, n),
  delete: (i, o) => require("pulumi-cxone-routing/runtime").w.delete(i, o),
};
