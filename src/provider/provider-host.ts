import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isExpectedFailure } from "../errors/cxone-routing-error";
import { leafTexts, markedSecret, secretHider, unwrapSecrets } from "../kinds/secrets";
import { routingRuleKind } from "../kinds/routing-rule-kind";
import { webhookKind } from "../kinds/webhook-kind";
import { resolveProviderSettings, settingSource } from "../settings/settings";
import { saveCompiled } from "./compile-cache";
import { createObjectProvider, type ObjectProvider } from "./object-provider";
import { createRunContext, type RunContext } from "./run-context";

/** What the dynamic-provider host process runs: `configure` and one provider per kind. */
export interface ProviderHost {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  readonly routingRule: ObjectProvider;
  readonly webhook: ObjectProvider;
  /** The current run (made by configure; from the environment alone if the engine skipped it). */
  run(): RunContext;
  /**
   * Drops the host's second copy of our expected failures. The dynamic-provider host prints every
   * failed call to stderr (`console.error(`${e}: ${e.stack}`)`), which the engine shows as a
   * second copy of the error under the stack, next to the one under the resource. For our
   * expected failures that copy says nothing new; bugs keep theirs.
   */
  quietHostLog(): void;
}

const PRINTED_BY_HOST = ["check", "diff", "read", "delete"];

/**
 * An error of any operation may quote an input (a name in a 409 message, a URL a server echoes):
 * the values the program marked secret (`__secrets`), the kind's secret fields and URL
 * credentials are taken out of its message before the engine prints it.
 */
function hideInputSecrets(error: unknown, inputs: Record<string, unknown> | undefined, secretFields: readonly string[]): void {
  if (!(error instanceof Error)) return;
  const raw = (unwrapSecrets(inputs ?? {}) ?? {}) as Record<string, unknown>;
  const marked = markedSecret(raw);
  const hide = secretHider([...marked, ...secretFields].flatMap((k) => leafTexts(raw[k])));
  const message = hide(error.message);
  if (message === error.message) return;
  Object.defineProperty(error, "message", { value: message, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(error, "stack", {
    value: isExpectedFailure(error) ? message : hide(String(error.stack)),
    writable: true,
    configurable: true,
  });
}

export function createProviderHost(): ProviderHost {
  let current: RunContext | undefined;
  const reported = new Set<string>();
  // Once the first operation is answered (it loaded undici if it sent a request), after its reply.
  let compiledSaved = false;
  const saveCompiledOnce = () => {
    if (compiledSaved) return;
    compiledSaved = true;
    setImmediate(saveCompiled);
  };
  const run = () => (current ??= createRunContext(resolveProviderSettings(settingSource(() => undefined))));
  const reportingOnce = (provider: ObjectProvider, secretFields: readonly string[]): ObjectProvider =>
    Object.fromEntries(
      Object.entries(provider).map(([name, method]) => [
        name,
        async (...args: unknown[]) => {
          try {
            return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            // The inputs are the call's last object argument (news, inputs or props).
            const inputs = [...args].reverse().find((a) => a !== null && typeof a === "object") as Record<string, unknown> | undefined;
            hideInputSecrets(error, inputs, secretFields);
            // The host prints a failed check, diff, read or delete itself (see quietHostLog).
            if (isExpectedFailure(error) && PRINTED_BY_HOST.includes(name)) reported.add(`${error}: ${error.stack}`);
            throw error;
          } finally {
            saveCompiledOnce();
          }
        },
      ]),
    ) as ObjectProvider;
  return {
    async configure(req) {
      const settings = resolveProviderSettings(settingSource((key) => req.config.get(key)));
      // The SDK configures once per distinct serialized provider (each kind's shell, older shell
      // texts in the state), all in this one run and with the same stack config: such a call keeps
      // what the run knows. Other settings (another tenant, in tests) make a new run.
      if (current && JSON.stringify(current.settings) === JSON.stringify(settings)) return;
      current = createRunContext(settings);
    },
    routingRule: reportingOnce(createObjectProvider(routingRuleKind, run), routingRuleKind.secretFields),
    webhook: reportingOnce(createObjectProvider(webhookKind, run), webhookKind.secretFields),
    run,
    quietHostLog() {
      const original = console.error.bind(console);
      console.error = (...args: unknown[]) => {
        if (args.length === 1 && typeof args[0] === "string" && reported.delete(args[0])) return;
        original(...args);
      };
    },
  };
}
