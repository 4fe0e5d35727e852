export { engineBinDir, offlineEngineEnv, packageRoot } from "./local-engine";
export { runPulumi, programEntry, type RunPulumiOptions, type RunPulumiResult } from "./run-program";
