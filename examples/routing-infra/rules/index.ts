import { chatRules } from "./chat";
import { overflowRules } from "./overflow";
import type { RuleDefinition } from "./rule-definition";
import { voiceRules } from "./voice";

/** Every rule of the contact center; the same list for every environment. */
export const allRules: RuleDefinition[] = [...voiceRules, ...overflowRules, ...chatRules];
