import { createServer } from "node:http";
import { createAdmin, type SimulatorAdmin } from "./admin/admin";
import { createSimulatorContext } from "./context";
import { resolveOptions, type SimulatorOptions } from "./options";
import { createRequestHandler, listen } from "./server";

/** A simulator started by {@link startSimulator}: its URL, its admin operations, and `close()`. */
export interface RunningSimulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  admin: SimulatorAdmin;
  /** Stops listening, drops open connections, abandons pending deliveries, waits for data file writes. */
  close(): Promise<void>;
}

/** Starts a CXone API simulator on 127.0.0.1 (port 0 by default: a free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const ctx = await createSimulatorContext(resolved);
  const admin = createAdmin(ctx);
  const server = createServer(createRequestHandler(ctx, admin));
  const port = await listen(server, resolved.port, resolved.host);
  ctx.baseUrl = `http://${resolved.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ctx.deliveries.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await ctx.persistenceIdle();
    })();
    return closing;
  };
  return { url: ctx.baseUrl, port, admin, close };
}

export { DEFAULT_CREDENTIALS } from "./options";
export type { SimulatorOptions, SimulatorLogger, DeliveryOptions } from "./options";
export { SimulatorOptionsError } from "./options-error";
export type { SimulatorAdmin, SeedInput, SeedRule, SeedWebhook, SimulatorState, RuleWrite } from "./admin/admin";
export type { FaultConfig } from "./faults";
export { MALFORMED_SHAPES, type MalformedShape } from "./malformed-reply";
export type { RequestLogEntry } from "./request-log";
export type { DeliveryAttempt, DeliveryRecord, RuleEvent } from "./events/delivery";
export type { RouteRequest, RouteResult } from "./routing-evaluation";
export type { Rule, RuleInput, RuleCondition, RuleTarget, ServerFields, WebhookInput, WebhookView, WithETag } from "./store/records";
export type { FieldError } from "./validation/field-error";
export { ApiError } from "./http/api-error";
export { DataFileError } from "./store/data-file-error";
export { signEvent } from "./events/signing";
export {
  CONDITION_OPERATORS,
  INTERACTION_TYPES,
  TARGET_TYPES,
  RULE_EVENT_TYPES,
  SCOPES,
  type ConditionOperator,
  type InteractionType,
  type TargetType,
  type RuleEventType,
  type Scope,
} from "./vocabulary";
