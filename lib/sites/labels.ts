/**
 * Button words the sites use, in the UI languages we know. Structure and aria come first; these
 * lists are for telling a card's two buttons apart, and so that we never press the wrong one.
 * Matched as whole words anywhere in a label: sites add the person's name, and some languages
 * put the verb last.
 */
export const DECLINE_WORDS = [
  // English
  'delete', 'ignore', 'decline', 'remove',
  // Spanish
  'eliminar', 'ignorar', 'rechazar', 'quitar', 'borrar',
  // French
  'supprimer', 'ignorer', 'refuser', 'retirer',
  // German
  'löschen', 'ignorieren', 'ablehnen', 'entfernen',
  // Portuguese
  'excluir', 'recusar', 'remover', 'apagar',
  // Italian
  'elimina', 'ignora', 'rifiuta', 'rimuovi',
];

export const ACCEPT_WORDS = [
  // English
  'confirm', 'accept', 'approve', 'add friend', 'follow', 'connect', 'add',
  // Spanish
  'confirmar', 'aceptar', 'aprobar', 'seguir', 'conectar', 'agregar', 'añadir',
  // French
  'confirmer', 'accepter', 'approuver', 'suivre', 'se connecter', 'ajouter',
  // German
  'bestätigen', 'annehmen', 'akzeptieren', 'folgen', 'vernetzen', 'hinzufügen',
  // Portuguese
  'aceitar', 'aprovar', 'conectar-se', 'adicionar',
  // Italian
  'conferma', 'accetta', 'approva', 'segui', 'collegati', 'aggiungi',
];

const tokens = (text: string) => text.toLocaleLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);

function phraseAt(have: string[], start: number, words: readonly string[]): boolean {
  return words.some((word) => tokens(word).every((token, i) => have[start + i] === token));
}

/**
 * What a control's label says it does, decided by the first action word in it: "Ignore an
 * invitation to connect from Ana" is a decline although "connect" follows, "Einladung von Ana
 * ignorieren" is a decline with the verb last, "Accept Ana’s invitation" is an accept.
 */
export function actionOf(label: string): 'decline' | 'accept' | null {
  const have = tokens(label);
  for (let start = 0; start < have.length; start++) {
    if (phraseAt(have, start, ACCEPT_WORDS)) return 'accept';
    if (phraseAt(have, start, DECLINE_WORDS)) return 'decline';
  }
  return null;
}

/** Whether a label contains one of `words` as whole words, anywhere. */
export function labelHasWord(label: string, words: readonly string[]): boolean {
  const have = tokens(label);
  return have.some((_, start) => phraseAt(have, start, words));
}
