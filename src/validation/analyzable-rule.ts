/** A condition as the analysis sees it: compared as the (field, operator, JSON value) triple. */
export interface AnalyzableCondition {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
  /** Stored metadata only; ignored when comparing conditions. */
  readonly conditionGroupId?: string;
}

/** One routing rule declared by the program, as input to the stack-wide analysis. */
export interface AnalyzableRule {
  /** The Pulumi logical resource name, unique in the program. */
  readonly key: string;
  /** The rule's name in CXone. */
  readonly name: string;
  /** Lower numbers are evaluated first. */
  readonly priority: number;
  readonly enabled: boolean;
  readonly interactionType: string;
  readonly conditions: readonly AnalyzableCondition[];
  /** Logical key of another rule in the program. */
  readonly fallback?: string;
  /** CXone id of the fallback rule; undefined (or Pulumi's unknown placeholder) while not known. */
  readonly fallbackRuleId?: string | undefined;
  /** The rule's own CXone id when known. */
  readonly id?: string;
}
