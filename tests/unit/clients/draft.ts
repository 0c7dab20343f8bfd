import { emptyIdentities, type ClientDraft } from '@/lib/clients/model';

/** A client draft for tests: a current client with no profiles, unless `extra` says otherwise. */
export const draft = (name: string, extra: Partial<ClientDraft> = {}): ClientDraft => ({
  name,
  aliases: [],
  status: 'current',
  identities: emptyIdentities(),
  ...extra,
});
