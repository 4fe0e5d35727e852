import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * Thin providers for closure serialization: each method loads the implementation by package
 * name inside the provider process. Nothing is captured but a string, so no credential, client
 * or module graph lands in `__provider`; the module-level token cache and rate limiter in the
 * runtime module are shared by every resource of the run.
 */
export const routingRuleShell: dynamic.ResourceProvider = {
  configure: (req) => require("pulumi-cxone-routing/runtime").configure(req),
  check: (olds, news) => require("pulumi-cxone-routing/runtime").routingRuleProvider.check(olds, news),
  diff: (id, olds, news) => require("pulumi-cxone-routing/runtime").routingRuleProvider.diff(id, olds, news),
  create: (inputs) => require("pulumi-cxone-routing/runtime").routingRuleProvider.create(inputs),
  read: (id, props) => require("pulumi-cxone-routing/runtime").routingRuleProvider.read(id, props),
  update: (id, olds, news) => require("pulumi-cxone-routing/runtime").routingRuleProvider.update(id, olds, news),
  delete: (id, props) => require("pulumi-cxone-routing/runtime").routingRuleProvider.delete(id, props),
};

export const webhookShell: dynamic.ResourceProvider = {
  configure: (req) => require("pulumi-cxone-routing/runtime").configure(req),
  check: (olds, news) => require("pulumi-cxone-routing/runtime").webhookProvider.check(olds, news),
  diff: (id, olds, news) => require("pulumi-cxone-routing/runtime").webhookProvider.diff(id, olds, news),
  create: (inputs) => require("pulumi-cxone-routing/runtime").webhookProvider.create(inputs),
  read: (id, props) => require("pulumi-cxone-routing/runtime").webhookProvider.read(id, props),
  update: (id, olds, news) => require("pulumi-cxone-routing/runtime").webhookProvider.update(id, olds, news),
  delete: (id, props) => require("pulumi-cxone-routing/runtime").webhookProvider.delete(id, props),
};
