/** An insertion-ordered set of named resources; names are unique within a collection. */
export interface Collection<T extends { id: string; name: string }> {
  get(id: string): T | undefined;
  has(id: string): boolean;
  all(): T[];
  findByName(name: string): T | undefined;
  put(item: T): void;
  remove(id: string): boolean;
  clear(): void;
  readonly size: number;
}

export function createCollection<T extends { id: string; name: string }>(): Collection<T> {
  const items = new Map<string, T>();
  return {
    get: (id) => items.get(id),
    has: (id) => items.has(id),
    all: () => [...items.values()],
    findByName: (name) => [...items.values()].find((item) => item.name === name),
    // Map.set keeps the original insertion position on replace, so list order is creation order.
    put: (item) => void items.set(item.id, item),
    remove: (id) => items.delete(id),
    clear: () => items.clear(),
    get size() {
      return items.size;
    },
  };
}
