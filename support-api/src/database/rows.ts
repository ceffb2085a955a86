/** TypeORM returns `[rows, affected]` for UPDATE … RETURNING on PostgreSQL, rows otherwise. */
export function rowsOf<T>(result: T[] | [T[], number]): T[] {
  const [first, second] = result as unknown[];
  return Array.isArray(first) && typeof second === 'number' ? (first as T[]) : (result as T[]);
}
