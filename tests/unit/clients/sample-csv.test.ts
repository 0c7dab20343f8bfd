import { describe, expect, it } from 'vitest';
import { readClientCsv } from '@/lib/clients/client-csv';
import { SAMPLE_CLIENT_CSV } from '@/lib/clients/sample-csv';

describe('the sample client CSV', () => {
  it('imports whole, every row, with the identities it shows in each form', () => {
    const result = readClientCsv(SAMPLE_CLIENT_CSV);
    if (!result.ok) throw new Error(result.error);
    expect(result.rejected).toEqual([]);
    const drafts = result.rows.map((row) => row.draft);
    expect(drafts.map((d) => [d.name, d.status])).toEqual([
      ['Alex Rivera', 'current'],
      ['Morgan Ellery', 'former'],
      ['Jordan "Jo" Lee', 'current'],
      ['Sam Okonkwo-Hart', 'current'],
    ]);
    expect(drafts[0]!.aliases).toEqual(['Alex R.', 'Lexi Rivera']);
    expect(drafts[0]!.identities.instagram).toEqual(['alexrivera.sample']);
    expect(drafts[1]!.identities.facebook).toHaveLength(1);
    expect(drafts[2]!.identities.linkedin).toEqual(['jordan-lee-sample']);
  });
});
