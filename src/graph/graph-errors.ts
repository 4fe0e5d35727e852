import { CxoneRoutingError } from "../errors";

/** A graph option names something the rule set does not have (a rule to focus on), or a bad depth. */
export class GraphUsageError extends CxoneRoutingError {
  readonly code = "graph_usage";
}

/** The layout library failed on a graph (a bug in the DOT we wrote, or the library's). */
export class GraphLayoutError extends CxoneRoutingError {
  readonly code = "graph_layout_failed";
}
