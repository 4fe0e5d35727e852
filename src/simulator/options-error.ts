/** A startSimulator option or CLI flag has an unusable value. */
export class SimulatorOptionsError extends Error {
  readonly code = "invalid_simulator_option";

  constructor(message: string) {
    super(message);
    this.name = "SimulatorOptionsError";
  }
}
