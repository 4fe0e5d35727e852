/**
 * The implementation behind the serialized provider shells (see provider-shell.ts). The dynamic
 * provider host `require`s this module by package name at run time, so the state holds only a
 * few hundred bytes of shell per resource and an upgrade of this package takes effect at once.
 * The whole process state is the one host made here (provider-host.ts): its run context is made
 * by each `configure`.
 */
// First: the modules loaded after it are compiled once per machine, not once per command.
import "./compile-cache";
import { createProviderHost } from "./provider-host";

const host = createProviderHost();
// This module is loaded only by the dynamic-provider host (the program loads the shells).
host.quietHostLog();

export const configure = host.configure;
export const routingRuleProvider = host.routingRule;
export const webhookProvider = host.webhook;
/** Short aliases the current shells call (provider-shell.ts); the long names stay for states written before. */
export const r = routingRuleProvider;
export const w = webhookProvider;
/** The current run context, for tests that drive the providers in-process. */
export const currentRun = host.run;
