import type { ResourcesApi } from "../../client";
import { NotFoundError } from "../../client/errors";
import { ProviderConfigurationError } from "../../errors/provider-configuration-error";

/**
 * A GET that answers 404 means "deleted" only if the collection itself answers: a wrong
 * collection path also answers 404, and dropping every resource from the state on refresh would
 * be the worst reading of it. Throws a configuration error naming the setting when the
 * collection is missing.
 */
export async function assertCollectionAnswers(
  kindName: string,
  api: Pick<ResourcesApi<{ name: string }, { id: string }>, "list" | "collectionPath">,
  id: string,
): Promise<void> {
  const setting = kindName === "Webhook" ? "webhooksPath" : "rulesPath";
  await api.list({ top: 1 }).catch((listError: unknown) => {
    if (listError instanceof NotFoundError) {
      throw new ProviderConfigurationError(
        `${kindName} ${id}: the collection ${api.collectionPath} itself answers 404, so this looks like a wrong path, not a deleted object; nothing was dropped from the state. Check cxone:baseUrl and cxone:${setting}.`,
        setting,
      );
    }
    throw listError;
  });
}
