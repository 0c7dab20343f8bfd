import type { Table } from 'dexie';
import type { ClientPage, ClientRow } from './rows';

/**
 * The client list's rows, kept in pages of PAGE_SIZE rows by id (version 8, lib/db/schema.ts).
 * IndexedDB's cost is per record far more than per byte: in Chromium, writing 100,000 one-client
 * records took about 12 s, the same clients as 200 records of 500 about 0.4 s. A page holds the
 * rows whose ids fall in its range, each row as before (readable, or sealed on its own under the
 * vault), so one edit rewrites one page and an import of 100,000 writes about 400.
 *
 * This is the table the stores use in place of one row per record, with the same meanings as
 * Dexie's (put, bulkPut, bulkGet…). Its methods join the transaction they are called in; called
 * outside one, each makes its own. A transaction over the list names `clientPages`.
 */

/** Ids per page: an edit rewrites up to this many rows, a full read fetches 1/PAGE_SIZE as many records. */
export const PAGE_SIZE = 256;

/**
 * The page that holds no rows but the next id to give: ids are never given twice, as IndexedDB's
 * own auto-increment never did (a deleted client's id is not a new client's).
 */
export const COUNTER_PAGE = -1;

export const pageOf = (id: number) => Math.floor(id / PAGE_SIZE);

type WithId = ClientRow & { id: number };

export class ClientRows {
  constructor(
    private readonly pages: () => Table<ClientPage, number>,
    private readonly inWrite: <T>(work: () => Promise<T>) => Promise<T>,
  ) {}

  /** Every row, by id. */
  async toArray(): Promise<WithId[]> {
    const pages = await this.pages().where('page').aboveOrEqual(0).toArray();
    return pages.flatMap((page) => page.rows as WithId[]);
  }

  /** How many rows there are (every page is read: use it where the rows are wanted anyway). */
  async count(): Promise<number> {
    const pages = await this.pages().where('page').aboveOrEqual(0).toArray();
    return pages.reduce((sum, page) => sum + page.rows.length, 0);
  }

  /** Up to `limit` rows with ids above `after`, by id: a bounded read of the list's start or of its next slice. */
  async after(after: number, limit: number): Promise<WithId[]> {
    const rows: WithId[] = [];
    // The pages that can hold `limit` rows, and one more: a bounded read stays bounded however long the list.
    const step = Math.ceil(limit / PAGE_SIZE) + 1;
    let from = after === -Infinity ? 0 : Math.max(0, pageOf(after));
    for (;;) {
      const pages = await this.pages().where('page').aboveOrEqual(from).limit(step).toArray();
      for (const page of pages) {
        for (const row of page.rows as WithId[]) {
          if (rows.length === limit) return rows;
          if (row.id > after) rows.push(row);
        }
      }
      if (pages.length < step) return rows;
      from = pages[pages.length - 1]!.page + 1;
    }
  }

  async get(id: number): Promise<WithId | undefined> {
    const page = await this.pages().get(pageOf(id));
    return page?.rows.find((row) => row.id === id) as WithId | undefined;
  }

  /** The rows with these ids, in their order, undefined where none. */
  async bulkGet(ids: readonly number[]): Promise<(WithId | undefined)[]> {
    const numbers = [...new Set(ids.map(pageOf))];
    const pages = await this.pages().bulkGet(numbers);
    const byId = new Map<number, WithId>();
    for (const page of pages) for (const row of (page?.rows ?? []) as WithId[]) byId.set(row.id, row);
    return ids.map((id) => byId.get(id));
  }

  /** Rows related to client `id` (a sealed row shows no relation, as the index it replaces held none). */
  async relatedTo(id: number): Promise<WithId[]> {
    return (await this.toArray()).filter((row) => 'relatedTo' in row && row.relatedTo === id);
  }

  /** Writes a row, given a new id if it has none; resolves to its id. */
  async put(row: ClientRow): Promise<number> {
    return (await this.bulkPut([row]))[0]!;
  }

  /** Writes a new row (its id, if it has one, must be free); resolves to its id. */
  async add(row: ClientRow): Promise<number> {
    return (await this.bulkAdd([row]))[0]!;
  }

  async bulkAdd(rows: readonly ClientRow[]): Promise<number[]> {
    return this.write(rows, true);
  }

  /** Writes rows, each replacing the row of its id, or new with the next ids; resolves to their ids, in order. */
  async bulkPut(rows: readonly ClientRow[]): Promise<number[]> {
    return this.write(rows, false);
  }

  async delete(id: number): Promise<void> {
    await this.bulkDelete([id]);
  }

  async bulkDelete(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    await this.writing(async () => {
      const numbers = [...new Set(ids.map(pageOf))];
      const pages = await this.pages().bulkGet(numbers);
      const kept = pages.flatMap((page) => (page ? [{ page: page.page, rows: page.rows.filter((row) => !gone.has(row.id!)) }] : []));
      await this.pages().bulkDelete(kept.filter((page) => page.rows.length === 0).map((page) => page.page));
      await this.pages().bulkPut(kept.filter((page) => page.rows.length > 0));
    });
  }

  /** Every row goes; the next id stays where it was. */
  async clear(): Promise<void> {
    await this.writing(() => this.pages().where('page').aboveOrEqual(0).delete());
  }

  /**
   * A write, in the caller's transaction or its own. Each reads pages (and the next id) and writes
   * them back whole; two under way at once in one transaction still never lose each other's rows,
   * as Dexie runs a transaction nested in another (this one) only once the one before it is done,
   * and IndexedDB runs separate transactions over the list in turn.
   */
  private writing<T>(work: () => Promise<T>): Promise<T> {
    return this.inWrite(work);
  }

  private async write(rows: readonly ClientRow[], adding: boolean): Promise<number[]> {
    if (rows.length === 0) return [];
    return this.writing(async () => {
      const counter = await this.pages().get(COUNTER_PAGE);
      let next = counter?.next ?? 1;
      const placed = rows.map((row) => {
        if (row.id === undefined) return { ...row, id: next++ } as WithId;
        if (!Number.isSafeInteger(row.id) || row.id < 1) throw new RangeError(`A client row's id must be a positive whole number, not ${String(row.id)}`);
        next = Math.max(next, row.id + 1);
        return row as WithId;
      });
      const numbers = [...new Set(placed.map((row) => pageOf(row.id)))].sort((a, b) => a - b);
      const held = await this.pages().bulkGet(numbers);
      const pages = new Map<number, Map<number, ClientRow>>();
      numbers.forEach((number, i) => pages.set(number, new Map((held[i]?.rows ?? []).map((row) => [row.id!, row]))));
      for (const row of placed) {
        const page = pages.get(pageOf(row.id))!;
        if (adding && page.has(row.id)) throw new Error(`A client row with id ${row.id} is already stored`);
        page.set(row.id, row);
      }
      const written: ClientPage[] = [...pages].map(([page, byId]) => ({ page, rows: [...byId.values()].sort((a, b) => a.id! - b.id!) }));
      await this.pages().bulkPut([...written, { page: COUNTER_PAGE, rows: [], next }]);
      // The ids go back on the rows the caller gave, as Dexie's put does with an auto-incremented key.
      rows.forEach((row, i) => {
        if (row.id === undefined) row.id = placed[i]!.id;
      });
      return placed.map((row) => row.id);
    });
  }
}
