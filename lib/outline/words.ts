import * as CARD from '@/lib/sites/card-words';
import { CARD_WORDS } from '@/lib/sites/card-words';
import { FACEBOOK_WORDS } from '@/lib/sites/facebook/words';
import * as INSTAGRAM from '@/lib/sites/instagram/words';
import { ACCEPT_WORDS, CONTACT_WORDS, DECLINE_WORDS, EDIT_PROFILE_WORDS, NOT_CONTACT_WORDS } from '@/lib/sites/labels';
import * as LINKEDIN from '@/lib/sites/linkedin/words';

/** Every string in a site's word tables, however they are nested (lists, tables of lists). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object' && !(value instanceof RegExp)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The words an outline keeps. Everything else in a page's texts and links is replaced, so these
 * lists hold only what the sites themselves write around people: the words the adapters read
 * controls by (lib/sites/card-words.ts, lib/sites/labels.ts), and the few that frame a name in a
 * label ("Ignore an invitation to connect from …", "Foto del perfil de …") or title a section
 * ("Friend requests", "People you may know"), so that a maintainer reads the outline as the page
 * read. A word here that is also someone's name survives; so each list is kept short.
 */

/**
 * One token of a text: letters (with their marks) and digits; the rest separates tokens, but for
 * a middle dot between letters, inside Catalan words (sol·licitud): split there, a table's
 * "sol·licitat" would keep any name "Sol" in an outline.
 */
export const TOKEN = /[\p{L}\p{M}\p{N}]+(?:·[\p{L}\p{M}\p{N}]+)*/gu;

/** A word as the lists compare it: lower case, accents dropped ("Zoë", "zoe" are one word). */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Words that frame a name or title a list in the sites' labels, in the six UI languages: the
 * particles of "Invite <name> to connect", "<name>’s profile picture", "Foto do perfil de
 * <name>", "Nachrichten in der Unterhaltung mit <name>", and the nouns of "Friend requests",
 * "3 mutual friends", "More options for <name>", "Conversation with <name>". Seen in the
 * replicas and in site-evidence.md's markup shapes.
 */
const FRAMING_WORDS = [
  // Site names, in titles and logos' labels.
  'facebook instagram linkedin messenger',
  // English
  'an the to from of for with and in on you your sent request requests friend friends mutual user',
  'invitation invitations invited inviting profile picture photo conversation messages people',
  'suggested may know more options see all unread follows reply connection connections',
  // Spanish
  'de del la el los las un una uno con en tu te su solicitud solicitudes amistad amigo común invitación',
  'foto perfil conversación mensajes personas que quizá conozcas sugerencias ver más responder conexiones',
  // French
  'du des le les un une avec et vous votre vos demande demandes ami amis commun communs invitation',
  'profil personnes connaissez suggestions voir tout plus répondre relations',
  // German
  'von mit und der die das den dem ein eine einen dir du dein deine ihnen ihre sich freundschaftsanfrage',
  'freundschaftsanfragen anfrage anfragen freund freundin gemeinsame gemeinsamer einladung',
  'einladungen profilbild unterhaltung nachrichten personen kennst vielleicht alle anzeigen mehr',
  'antworten kontakte',
  // Portuguese
  'do da dos das um uma com em você seu sua solicitação solicitações amizade convite convites conversa',
  'mensagens pessoas talvez conheça sugestões tudo mais conexões',
  // Italian
  'di della dal il lo gli tuo tua richiesta richieste amicizia amico comune invito inviti',
  'immagine profilo conversazione messaggi persone potresti conoscere suggerimenti vedi tutto altro',
  'rispondi collegamenti',
  // The sites' own control and context words, on top of the shared tables (Facebook's Respond
  // menu, LinkedIn's and Instagram's dismiss, "Followed by …", "Suggested for you", "Write to …").
  'respond dispensar abonniert omitir scarta actions acciones ações azioni opciones optionen opções',
  'opzioni weitere altre write escribe escribir écrire schreib schreibe escreva escrever scrivi',
  'followed seguido seguida suivi suivie gefolgt seguito sigue suit folgt segue folge ich new nuevo',
  'nouveau neu novo nuovo popular sugerido suggéré vorgeschlagen suggerito suggeriti für dich ti para',
  'pour per',
];

/**
 * One-letter words kept only when they stand alone, in lower case: "Invita a Ana a conectar",
 * "Ajouter ami(e)". A capital letter or a letter inside a username is an initial, and goes.
 */
export const SINGLE_LETTER_WORDS: ReadonlySet<string> = new Set(['a', 'à', 'e', 'é', 'è', 'o', 'y', 'i']);

/** Letters that elide before an apostrophe (l’invitation, d’Ana), and the possessive ’s. */
export const ELIDED_LETTERS: ReadonlySet<string> = new Set(['l', 'd', 'j', 'n', 'm', 'c', 's', 't', 'qu']);

/**
 * Path and query words of the sites' own pages, which the adapters tell pages and links apart by:
 * /friends/requests/?profile_id=, /messages/e2ee/t/, /direct/inbox/, /accounts/activity/,
 * /mynetwork/invitation-manager/received/, /preload/custom-invite/, urn:li:fsd_profile:…. From
 * lib/identity's reserved sections and the adapters' selectors.
 */
const PATH_WORD_LIST = [
  // Facebook
  'friends requests suggestions center list messages t e2ee archived new profile php people id',
  'stories create groups pages pg events marketplace photo photos posts permalink story watch reel',
  'reels videos video live notifications settings bookmarks search top hashtag me help about',
  'add friend a confirm reject l u sk',
  // Instagram
  'accounts activity edit direct inbox explore p tv highlights archive tagged saved followers',
  'following feed guides channel web',
  // LinkedIn
  'in mynetwork invitation manager received sent messaging thread compose update urn li fsd',
  'member company school showcase newsletters jobs results preload custom invite intro forms',
  'details experience overlay contact info recent all grow connections network pub learning',
  'detail page connect follow',
  // Notifications' types (notif_t=feed_comment, mentions_comment, feedback_reaction_generic,
  // birthday_reminder …) and comment permalinks (Instagram's /p/<code>/c/<id>/, ?commentUrn=).
  'notif ref comment comments reply mention mentions tagged with story wall feedback reaction generic',
  'like birthday reminder request group activity c commenturn',
];

const words = (phrases: Iterable<string>): Set<string> => {
  const set = new Set<string>();
  for (const phrase of phrases) for (const [word] of phrase.matchAll(TOKEN)) set.add(fold(word));
  return set;
};

const CONTROL_PHRASES = [
  ...Object.values(CARD_WORDS).flat(),
  ...ACCEPT_WORDS,
  ...DECLINE_WORDS,
  ...Object.values(CONTACT_WORDS).flat(),
  ...NOT_CONTACT_WORDS,
  ...EDIT_PROFILE_WORDS,
  // Each site's own words (lib/sites/<site>/words.ts), so that what an adapter reads survives.
  ...stringsIn([FACEBOOK_WORDS, INSTAGRAM, LINKEDIN]),
  // What notifications and comment labels say happened ("commented", "Kommentar von"), which tells a mention from a like.
  ...stringsIn(CARD),
];
/** Words a control's label starts with ("Add", "Not now", "Se connecter"): kept capitalised too. */
const STARTS = words(CONTROL_PHRASES.map((phrase) => phrase.split(/[\s']/)[0]!));
const ALL = words([...CONTROL_PHRASES, ...FRAMING_WORDS]);
const lowerCaseOnly = (word: string) => word.length <= 3 && !STARTS.has(word);

/** Words a text or label keeps in any case, folded: the controls' words and the longer framing words. */
export const TEXT_WORDS: ReadonlySet<string> = new Set([...ALL].filter((word) => !lowerCaseOnly(word)));

/**
 * Short words a text keeps only in lower case, as they stand in a label or around a name
 * ("Foto do perfil de …", "People you may know", "suggeriti per te"): capitalised, they are as
 * likely to be someone's name (Le, Do, Su, Di, May, Per).
 */
export const LOWER_CASE_WORDS: ReadonlySet<string> = new Set([...ALL].filter(lowerCaseOnly));

/** Words a link's path or query keeps, folded. */
export const PATH_WORDS: ReadonlySet<string> = words(PATH_WORD_LIST);
