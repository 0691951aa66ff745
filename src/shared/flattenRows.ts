/** A row stream that may come in batches (the fast reader) as single rows. */
export async function* flattenRows<T>(rows: AsyncIterable<T | T[]>): AsyncGenerator<T> {
  for await (const item of rows) {
    if (Array.isArray(item)) yield* item;
    else yield item;
  }
}
