import { describe, expect, it } from 'vitest';
import { actionOf } from '@/lib/sites/labels';

describe('actionOf: what a button label says it does, in six languages', () => {
  it.each([
    ['Delete', 'decline'],
    ['Delete request', 'decline'],
    ['Ignore an invitation to connect from Ana Souza', 'decline'],
    ['Accept Ana Souza’s invitation', 'accept'],
    ['Confirm', 'accept'],
    ['Eliminar', 'decline'],
    ['Confirmar', 'accept'],
    ['Ignorer l’invitation de Camille Durand', 'decline'],
    ['Accepter l’invitation de Camille Durand', 'accept'],
    ['Einladung von Lena Vogt ignorieren', 'decline'],
    ['Einladung von Lena Vogt annehmen', 'accept'],
    ['Vernetzen', 'accept'],
    ['Excluir', 'decline'],
    ['Aceitar', 'accept'],
    ['Rifiuta', 'decline'],
    ['Accetta', 'accept'],
    ['Ajouter ami(e)', 'accept'],
    ['Message', null],
    ['', null],
    ['Deleted posts', null],
  ] as const)('%j → %s', (label, expected) => {
    expect(actionOf(label)).toBe(expected);
  });
});
