import { withWords } from '../card-words';

/**
 * Every word the Facebook adapter reads on the page, in one table (EN ES FR DE PT IT, and the
 * card words of languages the shared table lacks: Bulgarian, Swahili, a Hindi Remove). Cards are
 * read with the shared words of card-words.ts plus Facebook's own; the other lists name the
 * controls and boxes that only Facebook has. Sources: site-evidence.md items 4, 12, 13 and B
 * (Tigerzplace/Toolkit-For-Facebook presses "Confirm" / "Delete"; the "Write to …" chat-tab box
 * from ref 57354996339); localised forms not seen in a source are marked [G].
 */
/**
 * "Respond", the button a requester's profile shows where Add friend would be; its menu holds
 * Confirm / Delete request [S for English, site-evidence item 13; the others G].
 */
const RESPOND = [
  'respond', 'responder', 'répondre', 'antworten', 'rispondi',
  // Polish, Dutch, Turkish [G; the round-13 probe page is Polish]: imperatives, never a name (not
  // Dutch "Reageren": a post's Comment). Each also replies to a comment, as Responder and Rispondi do.
  'odpowiedz', 'beantwoorden', 'yanıtla',
];

export const FACEBOOK_WORDS = {
  /** A card's pair: the shared words, with Facebook's own longer forms. */
  card: withWords({
    accept: [
      'confirm request', 'confirmar solicitud', 'confirmer la demande', 'anfrage bestätigen', 'confirmar pedido', 'conferma richiesta',
      // Bulgarian [G, the round-11 probe page]: Facebook's verbal nouns on its buttons ("Потвърждаване").
      'потвърждаване', 'потвърди заявката',
      'thibitisha', // Swahili [G, as instagram/words.ts; the round-11 probe page]
    ],
    negative: [
      'delete request', 'eliminar solicitud', 'supprimer la demande', 'anfrage löschen', 'excluir solicitação', 'elimina richiesta',
      'изтриване', 'премахване', 'изтрий', 'премахни', // Bulgarian [G]
      'निकालें', 'हटा दें', // Hindi: a suggestion's Remove [G] (the shared table holds हटाएँ, Delete)
      'futa', 'ondoa', // Swahili Delete / Remove [G] (not "Funga", Close: a dialog's, never a card's)
    ],
    add: ['добавяне на приятел', 'добави приятел', 'добавяне', 'ongeza rafiki'], // Bulgarian, Swahili Add friend [G]
    // "Respond" opens a menu holding Confirm / Delete: it is neither on its own.
    state: [...RESPOND, 'ghairi ombi', 'ghairi'], // Swahili: Cancel request [G]
  }),

  respond: RESPOND,

  /**
   * Labels that open a friend's own menu on a friends list (Unfriend, Unfollow, …): the label a
   * menu button starts with. [S] for "Friends" / "More" (the task brief, the profile header); the other
   * languages [G].
   */
  connectionMenu: [
    'friends', 'more', 'more options', 'see options', 'options', // English
    'amigos', 'más', 'más opciones', 'ver opciones', 'opciones', // Spanish ("amigos": Portuguese too)
    'amis', 'plus', "plus d'options", 'voir les options', 'options', // French
    'freunde', 'mehr', 'weitere optionen', 'optionen anzeigen', 'optionen', // German
    'mais', 'mais opções', 'ver opções', 'opções', // Portuguese
    'amici', 'altro', 'altre opzioni', 'vedi opzioni', 'opzioni', // Italian
  ],

  /** The glyphs of an icon-only "…" menu button. */
  menuGlyphs: ['…', '⋯', '...'],

  /**
   * Words in a message box's label, to prefer it over other editable boxes (a search field, a
   * note): "Message" in the conversation pane [S, ref 61450424637], "Write to …" on chat tabs
   * [S, ref 57354996339]; the localised "write to" forms [G].
   */
  messageBox: [
    'message', 'mensaje', 'nachricht', 'mensagem', 'messaggio',
    'write to', 'escribe a', 'escribir a', 'écrire à', 'schreib', 'schreibe', 'escreva para', 'escrever para', 'scrivi a',
  ],

  /**
   * The open conversation's details control, whose pane holds Block: "Conversation information"
   * (the test pages of Messenger on facebook.com in English, Spanish and German) [S]; the others [G].
   */
  conversationDetails: [
    'conversation information', 'información de la conversación', 'informations sur la conversation',
    'informationen zur unterhaltung', 'informações da conversa', 'informazioni sulla conversazione',
  ],
} as const;
