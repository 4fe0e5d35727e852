/** Repository tooling (tests, demo, benchmarks): the locally built Pulumi engine. Not shipped. */
export { engineBinDir, offlineEngineEnv, packageRoot } from "./local-engine";
export { runPulumi, type RunPulumiOptions, type RunPulumiResult } from "./run-pulumi";
