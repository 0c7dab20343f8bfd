import { withWords } from '../card-words';

/**
 * LinkedIn's own words, on top of the six-language table every site shares (card-words.ts).
 * Sources: the labels public scripts press on the live pages (site-evidence.md items 1, 2 and 5:
 * "Ignore an invitation to connect from …", "Accept …’s invitation", "Invite … to connect",
 * "Dismiss") and LinkedIn's translations of them as the replicas show them.
 */
export const LINKEDIN_WORDS = withWords({
  // Dismiss on a suggestion: "Omitir" (ES), "Dispensar" (PT), "Scarta" (IT).
  // Romanian: LinkedIn addresses the member in the polite plural ("Ignorați", "Acceptați",
  // "Conectați-vă", all in the shared table), so its dismiss and remove read "Respingeți",
  // "Închideți", "Eliminați", "Ștergeți", never the singular the shared table holds [G].
  negative: [
    'omitir', 'dispensar', 'scarta',
    'respingeți', 'respingeţi', 'închideți', 'închideţi', 'eliminați', 'eliminaţi', 'ștergeți', 'ştergeţi',
    // Bulgarian verbal nouns: "Игнориране" (Ignore), "Отхвърляне" (Dismiss), "Премахване"
    // (Remove), "Изтриване" (Delete), "Затваряне" (Close), "Скриване" (Hide) [G].
    'игнориране', 'отхвърляне', 'премахване', 'изтриване', 'затваряне', 'скриване',
    // Urdu, in no shared table: "نظر انداز کریں" (Ignore), "برخاست کریں" (Dismiss), "مسترد کریں"
    // (Decline), "ہٹائیں" (Remove), "حذف کریں" (Delete), "بند کریں" (Close) [G]. Its Accept,
    // "قبول کریں", already reads through the shared Arabic "قبول": without these a card's pair was
    // half read, and neither a pair nor an unread one (round-8 Urdu replica).
    'نظر انداز کریں', 'برخاست کریں', 'مسترد کریں', 'ہٹائیں', 'حذف کریں', 'بند کریں',
  ],
  // Persian Connect: "ارتباط" ("connection"), its aria "دعوت از … برای ارتباط" ("invite … to
  // connect", the English "Invite … to connect" of site-evidence.md item 1) [G]. An Ignore or a
  // Withdraw on the same label decides over it (card-words.ts, roleOfLabel).
  add: [
    // Not "دعوت" (invitation): it is in Persian's and Urdu's Ignore labels too ("… دعوت نظر انداز کریں").
    'ارتباط',
    // Bulgarian: LinkedIn labels its controls with verbal nouns, "Свързване" (Connect),
    // "Следване" (Follow), and invites with the polite "Поканете … да се свърже" [G].
    'свързване', 'следване', 'поканете', 'последвайте',
    // Urdu Connect "جڑیں" and Follow "فالو کریں" [G].
    'جڑیں', 'فالو کریں',
    // Slovak Connect "Spojiť sa" and its aria "Pozvať používateľa … na spojenie" ("invite … to
    // connect", English's "Invite … to connect", site-evidence.md item 1) [G]; the shared table's
    // "spojit se" is Czech (round-11 Slovak replica).
    'spojiť sa', 'pozvať',
  ],
  // Bulgarian, in no shared table: "Приемане" (Accept) and "Потвърждаване" (Confirm) [G].
  accept: ['приемане', 'приемете', 'потвърждаване', 'потвърдете'],
  // Bulgarian "Чакаща" / "В изчакване" (Pending), "Оттегляне" (Withdraw), "Следвате" (Following);
  // Urdu "زیر التواء" (Pending), "واپس لیں" (Withdraw), "فالو کر رہے ہیں" (Following) [G].
  state: ['чакаща', 'в изчакване', 'оттегляне', 'следвате', 'отказ от следване', 'زیر التواء', 'واپس لیں', 'فالو کر رہے ہیں'],
});

/**
 * The label of a connection card's "…" menu button, which opens LinkedIn's own menu (Remove
 * connection, Unfollow, Report): "More actions", "Más acciones", "Plus d’actions", "Weitere
 * Aktionen", "Mais ações", "Altre azioni", or the ellipsis alone.
 */
export const MORE_ACTIONS_WORDS = [
  'more', 'more actions', 'more options', // English
  'más', 'más acciones', 'más opciones', // Spanish
  'plus', "plus d'actions", "plus d'options", // French
  'weitere', 'mehr', // German
  'mais', 'mais ações', 'mais opções', // Portuguese
  'altro', 'altre', 'altre azioni', 'altre opzioni', // Italian
] as const;

/** A follow already there, on a follower's or followed person's card: pressing it opens LinkedIn's unfollow confirmation. */
export const FOLLOWING_WORDS = [
  'following', // English
  'siguiendo', // Spanish
  'abonné', 'abonnée', 'suivi', // French
  'gefolgt', 'folge ich', // German
  'seguindo', // Portuguese
  'segui già', // Italian
] as const;

/**
 * A lone Follow that follows someone back: offered on a "started following you" row (My Network's
 * column holds them beside its suggestions, round-10 Vietnamese replica [G]), to a follower, so
 * no suggestion. Whole phrases ("lại" alone, "back" alone are no such word); none is a name.
 */
export const FOLLOW_BACK_WORDS = [
  'follow back', 'zurückfolgen', 'terugvolgen', 'seguir de volta', 'suivre en retour', 'segueix tu també',
  'theo dõi lại', 'ติดตามกลับ', 'フォローバック', '맞팔로우', '回关', 'فالو بیک', 'ফলো ব্যাক',
] as const;

/**
 * How a page, school, group, event or newsletter invitation's Ignore reads where no page link
 * says so ("Ignore an invitation from Casey", without "to connect"; site-evidence.md item 2,
 * prakharagarwal mock). Only the English form is attested; in other languages the page link
 * decides alone.
 */
export const PAGE_INVITATION_IGNORE = [/^ignore an invitation from\b/i] as const;

/**
 * A conversation's options list, on inbox rows, the thread header and overlay bubbles: "Open the
 * options list in your conversation with …" [E, refs 10538424291, 52067512819, 70101397101];
 * "Abrir el menú de opciones de tu conversación con …" as the Spanish replica shows it; the others [G].
 */
export const OPTIONS_LIST_WORDS = [
  'open the options list', 'abrir el menú de opciones', 'ouvrir la liste des options',
  'optionsliste öffnen', 'abrir a lista de opções', "apri l'elenco delle opzioni",
] as const;

/**
 * Notifications addressed to the clinician in UI languages the shared mention tables (card-words.ts,
 * six languages) do not read, each a phrase that says both what was done and that it was done to
 * the clinician, so that no word of it alone (Indonesian "Anda", which is also a given name) decides:
 * Indonesian "menyebut Anda" (mentioned you), "mengomentari postingan Anda" (commented on your
 * post), "membalas komentar Anda" (replied to your comment), "menandai Anda" (tagged you) [G: the
 * round-9 replica's wording, after LinkedIn's English "mentioned you in a comment"].
 */
export const ADDRESSED_NOTICE_PHRASES = [
  'menyebut anda', 'mengomentari postingan anda', 'membalas komentar anda', 'menandai anda',
  // Croatian, whose past tense agrees with the doer ("spomenuo" he, "spomenula" she) and whose
  // clitics move ("spomenuo vas je", "vas je spomenuo"): mentioned you, tagged you, commented on
  // your post, replied to your comment [G: the round-11 replica's wording]. "vas" (you) alone is
  // no such phrase: "vas je počela pratiti" (started following you) is none.
  'spomenuo vas', 'spomenula vas', 'vas je spomenuo', 'vas je spomenula',
  'označio vas', 'označila vas', 'vas je označio', 'vas je označila',
  'komentirao je vašu objavu', 'komentirala je vašu objavu', 'odgovorio je na vaš komentar', 'odgovorila je na vaš komentar',
  // French, whose participle agrees with a clinician who is a woman ("vous a mentionnée", "vous a
  // identifiée"), forms the shared SAID_WORDS ("mentionné", "identifié") do not hold as whole
  // words [G: the round-13 replica's wording].
  'vous a mentionnée', 'vous a identifiée',
] as const;
