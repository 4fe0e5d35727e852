import * as pulumi from "@pulumi/pulumi";
import { getClient, type CxoneClient } from "../client";
import { resolveProviderSettings, settingSource } from "../settings/settings";

/**
 * The API client of the program process (reads at preview: remote fallbacks, adoption reviews),
 * built from the same stack config and environment variables as the provider's.
 */
export function programClient(): CxoneClient {
  return getClient(resolveProviderSettings(settingSource((key) => pulumi.runtime.getConfig(key))).client);
}
