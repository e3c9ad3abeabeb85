/** Problems with records, as every writer reports them: the line (or feature, or row) and the field at fault. */

export interface Problem {
  /** Where the record comes from: the CSV line (the header is line 1), the GeoJSON feature (from 1), or 1 for an API input. */
  line: number
  /** The field, when one is at fault. */
  column: string | null
  message: string
  /** What kind of refusal, when not a plain bad value: `FORBIDDEN` for a record outside what the writer may edit. */
  code?: string
}

/** Records that cannot be applied; nothing was written. */
export class RecordProblems extends Error {
  override name = 'RecordProblems'
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem(s): ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
    )
  }
}
