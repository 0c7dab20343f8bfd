import type { GuardedAction } from './types';

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

/**
 * A label in lower case by no locale's rules: in a browser whose language is Turkish,
 * toLocaleLowerCase makes "Ignore" "ıgnore"; Turkish's own capital İ lowers to i and a combining
 * dot, which goes. Every reader of labels lowers them with this (card-words.ts too).
 */
export const lowerLabel = (text: string): string => text.toLowerCase().replace(/i\u0307/g, 'i');

// Combining marks are part of their word (Thai and Devanagari vowel signs), as card-words.ts reads them:
// split at them, "फ़िल करें" (fill in) read as "फ़ॉलो करें" (follow) by its consonants alone.
const split = (text: string) => lowerLabel(text).split(/[^\p{L}\p{M}\p{N}-]+/u).filter(Boolean);

/**
 * A text's tokens; the last text's are kept, as one text is often asked about several lists in a
 * row (saysMention: the said words, then the reacted ones). Callers only read them.
 */
let last: { text: string; tokens: string[] } | undefined;
function tokens(text: string): string[] {
  if (last?.text !== text) last = { text, tokens: split(text) };
  return last.tokens;
}

/**
 * A list of words made ready for phraseAt: each phrase's tokens, by its first token. Tokenising
 * every word of a list at every position of every label read was most of what reading a card's
 * words cost (a row's text against the mention words, a control against the action words).
 * Lists are constants; a list made on the fly is compiled on each use, which is no dearer than
 * reading it was. `always`: a word with no tokens at all, which matches at any position.
 */
interface Phrases {
  length: number;
  byFirst: Map<string, string[][]>;
  always: boolean;
}
const compiled = new WeakMap<readonly string[], Phrases>();

function phrasesOf(words: readonly string[]): Phrases {
  const known = compiled.get(words);
  // The length is checked too, should a list ever be added to after its first use.
  if (known && known.length === words.length) return known;
  const phrases: Phrases = { length: words.length, byFirst: new Map(), always: false };
  for (const word of words) {
    const parts = split(word);
    if (parts.length === 0) {
      phrases.always = true;
      continue;
    }
    const list = phrases.byFirst.get(parts[0]!);
    if (list) list.push(parts);
    else phrases.byFirst.set(parts[0]!, [parts]);
  }
  compiled.set(words, phrases);
  return phrases;
}

/** Whether one of `words` starts at `have[start]`, token by token. */
function phraseAt(have: string[], start: number, words: readonly string[]): boolean {
  const phrases = phrasesOf(words);
  if (phrases.always) return true;
  const candidates = phrases.byFirst.get(have[start]!);
  if (!candidates) return false;
  return candidates.some((parts) => parts.every((token, i) => have[start + i] === token));
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

/** CONTACT_WORDS' words for Follow, on their own so that a site with no other starts (Instagram) carries only these and MESSAGE_WORDS. */
export const FOLLOW_WORDS: readonly string[] = [
  'follow', // English
  'seguir', // Spanish, Portuguese
  'suivre', "s'abonner", // French
  'folgen', 'zurückfolgen', // German
  'segui', // Italian
  // The further languages of card-words.ts [G]: CA NL PL SV DA/NB FI CS SK HU RO EL RU UK TR AR HE FA UR HI BN ID/MS TL VI TH JA KO ZH.
  'segueix', 'فالو کریں', 'volgen', 'obserwuj', 'följ', 'følg', 'seuraa', 'sledovat', 'sledovať', 'követés', 'urmărește', 'ακολούθηση', 'ακολουθήστε',
  'подписаться', 'стежити', 'підписатися', 'takip et', 'متابعة', 'עקוב', 'מעקב', 'دنبال کردن', 'फ़ॉलो करें', 'फॉलो करें',
  'অনুসরণ করুন', 'ফলো করুন', 'ikuti', 'ikut', 'sundan', 'i-follow', 'theo dõi', 'ติดตาม', 'フォロー', 'フォローする', '팔로우', '关注', '追蹤',
  // "Follow back" where it is one word (Thai writes no spaces) [G].
  'ติดตามกลับ',
];

/** CONTACT_WORDS' words for Message (see FOLLOW_WORDS). */
export const MESSAGE_WORDS: readonly string[] = [
  'message', // English, French ("Envoyer un message")
  'mensaje', // Spanish
  'nachricht', // German
  'mensagem', // Portuguese
  'messaggio', // Italian
  'bericht', 'wiadomość', 'meddelande', 'besked', 'melding', 'viesti', 'zpráva', 'správa', 'üzenet', 'mesaj', 'μήνυμα', 'сообщение',
  'повідомлення', 'مراسلة', 'رسالة', 'הודעה', 'پیام', 'संदेश', 'kirim pesan', 'pesan', 'mesej', 'i-message', 'nhắn tin', 'ส่งข้อความ',
  'メッセージ', '메시지', '发消息', '發送訊息',
];

/**
 * Words on a profile's controls that start contact with that person, by what they start. Whole
 * words, so "Following", "Unfollow" and "Connections" are not "follow" or "connect"; longer
 * forms ("Follow back", "Seguir de volta", "Enviar mensaje") hold these words.
 */
export const CONTACT_WORDS: Readonly<Record<GuardedAction, readonly string[]>> = {
  follow: FOLLOW_WORDS,
  'add-friend': [
    'add friend', 'add as friend', // English
    'agregar a amigos', 'agregar amigo', 'añadir a amigos', 'añadir amigo', // Spanish
    'ajouter ami', 'ajouter en ami', 'ajouter comme ami', // French ("Ajouter ami(e)")
    'als freund hinzufügen', 'als freundin hinzufügen', 'als freund in hinzufügen', // German ("Freund/in")
    'freund hinzufügen', 'freund in hinzufügen',
    'adicionar amigo', 'adicionar aos amigos', 'adicionar como amigo', // Portuguese
    'aggiungi agli amici', 'aggiungi amico', 'aggiungi come amico', // Italian
    'vriend toevoegen', 'dodaj do znajomych', 'dodaj znajomego', 'lägg till vän', 'tilføj ven', 'legg til venn', 'lisää kaveriksi',
    'lisää ystäväksi', 'přidat do přátel', 'přidat přítele', 'pridať medzi priateľov', 'ismerősnek jelölés', 'adaugă prieten',
    'adaugă la prieteni', 'προσθήκη φίλου', 'добавить в друзья', 'додати в друзі', 'arkadaş ekle', 'arkadaşı ekle', 'arkadaşlara ekle',
    'إضافة صديق', 'إضافة إلى الأصدقاء', 'הוסף חבר', 'הוספת חבר', 'افزودن دوست', 'मित्र जोड़ें', 'दोस्त जोड़ें', 'বন্ধু যোগ করুন',
    'tambah teman', 'tambahkan teman', 'tambahkan sebagai teman', 'tambah rakan', 'magdagdag ng kaibigan', 'thêm bạn bè', 'thêm bạn',
    'เพิ่มเพื่อน', '友達になる', '友達を追加', '친구 추가', '加为好友', '添加好友', '加好友', '加朋友', '加為朋友',
  ],
  connect: [
    'connect', // English: "Connect", "Invite Ana Perez to connect"
    'conectar', // Spanish, Portuguese: "Invita a Ana a conectar", "Convidar Ana para se conectar"
    'conectar-se', // Portuguese
    'se connecter', 'rejoindre votre réseau', // French: "Invitez Ana à rejoindre votre réseau"
    'vernetzen', // German: "Ana einladen, sich mit Ihnen zu vernetzen"
    'collegati', 'collegarsi', // Italian: "Invita Ana a collegarsi"
    'verbinden', 'connectie maken', 'nawiąż kontakt', 'połącz', 'knyt kontakt', 'knytt kontakt', 'knytte kontakt', 'anslut', 'ansluta', 'opret forbindelse', 'koble til',
    'yhdistä', 'spojit se', 'kapcsolódás', 'conectează-te', 'conectați-vă', 'установить контакт', 'встановити контакт', 'bağlantı kur',
    'تواصل', 'התחבר', 'התחברות', 'कनेक्ट करें', 'hubungkan', 'terhubung', 'kumonekta', 'kết nối', 'เชื่อมต่อ', 'つながりを申請',
    'つながる', '1촌 맺기', '建立联系', '建立關係',
  ],
  message: MESSAGE_WORDS,
};

/**
 * Words on controls that hold a start's word but start nothing with this person: undoing or
 * showing a relationship already there ("Dejar de seguir", "Ne plus suivre", "Segui già"), or
 * sending their profile to someone else ("Send profile in a message").
 */
export const NOT_CONTACT_WORDS = [
  // English
  'unfollow', 'following', 'cancel', 'withdraw', 'requested', 'pending', 'send profile', 'share profile',
  // Spanish
  'dejar de seguir', 'siguiendo', 'cancelar', 'solicitado', 'solicitada', 'pendiente',
  'enviar perfil', 'compartir perfil',
  // French
  'ne plus suivre', 'se désabonner', 'abonné', 'abonnée', 'suivi', 'suivie', 'annuler', 'demandé', 'en attente',
  'envoyer le profil', 'partager le profil',
  // German
  'nicht mehr folgen', 'entfolgen', 'gefolgt', 'abbrechen', 'zurückziehen', 'angefragt', 'ausstehend',
  'profil senden', 'profil per nachricht', 'profil teilen',
  // Portuguese
  'deixar de seguir', 'seguindo', 'pendente', 'compartilhar perfil',
  // Italian
  'segui già', 'non seguire più', 'smetti di seguire', 'annulla', 'richiesto', 'richiesta inviata', 'in attesa',
  'invia profilo', 'condividi profilo',
  // The further languages [G]: following and unfollowing.
  'deixa de seguir', 'seguint', 'sol·licitat', 'ان فالو کریں', 'فالو کر رہے ہیں', 'niet meer volgen', 'volgend', 'obserwujesz', 'följer', 'følger', 'seurataan', 'přestat sledovat', 'sledujete', 'követed',
  'urmărești', 'ακολουθείτε', 'отписаться', 'вы подписаны', 'відписатися', 'takiptesin', 'takibi bırak', 'إلغاء المتابعة',
  'تمت المتابعة', 'עוקב', 'במעקב', 'mengikuti', 'berhenti mengikuti', 'sinusundan', 'đang theo dõi', 'bỏ theo dõi', 'กำลังติดตาม',
  'フォロー中', '팔로잉', '팔로우 취소', '已关注', '取消关注', '追蹤中', '取消追蹤',
];

/** Words on the control that edits one's own profile, which only its owner sees. */
export const EDIT_PROFILE_WORDS = [
  'edit profile', // English
  'editar perfil', // Spanish, Portuguese
  'modifier le profil', // French
  'profil bearbeiten', // German
  'modifica profilo', 'modifica il profilo', // Italian
];

/**
 * What a control starts, from its labels (aria-label first, then its text): the first action
 * word in the first label that has one, as actionOf reads a label. Null when any label reads
 * as starting nothing (NOT_CONTACT_WORDS), or none names a start.
 */
export function contactActionOf(...labels: string[]): GuardedAction | null {
  return contactActionIn(CONTACT_WORDS, labels);
}

/**
 * contactActionOf with a site's own table of starts (its keys in the order they are tried): a
 * site whose profiles offer only some of them (Instagram: Follow, Message; never Add friend or
 * Connect) reads its labels without carrying the others' words.
 */
export function contactActionIn(words: Partial<Record<GuardedAction, readonly string[]>>, labels: readonly string[]): GuardedAction | null {
  if (labels.some((label) => labelHasWord(label, NOT_CONTACT_WORDS))) return null;
  const actions = Object.keys(words) as GuardedAction[];
  for (const label of labels) {
    const have = tokens(label);
    for (let start = 0; start < have.length; start++) {
      const action = actions.find((kind) => phraseAt(have, start, words[kind]!));
      if (action) return action;
    }
  }
  return null;
}
