import { withWords, type CardWords } from '../card-words';

/**
 * Every word the Instagram adapter reads, in the six UI languages Boundary knows (EN ES FR DE PT
 * IT). Card controls use the shared table (card-words.ts) plus Instagram's own words below; the
 * other lists are for places the shared table does not cover.
 */

/**
 * Instagram's own control words on top of the shared ones. "Dispensar" is Portuguese for the
 * dismiss ✕ on suggestions; German may show "Abonniert" as well as "Gefolgt" for an account one
 * follows (a state, never a pair).
 */
export const INSTAGRAM_WORDS: CardWords = withWords({
  // Swahili (Instagram ships it; no other site's table needs it) [G]: Thibitisha / Futa on a
  // request, Fuata + ✕ "Ondoa" on a suggestion. None is a given name or a surname.
  // Filipino (Taglish) [G]: the "i-" loanwords Filipino UIs give English verbs, as the shared
  // table's "i-follow", "i-add" and "i-message": I-confirm / I-delete on a request (the Filipino
  // replica's drawer). One word each with its hyphen, never a name.
  accept: ['thibitisha', 'i-confirm'],
  add: ['fuata'],
  negative: ['dispensar', 'futa', 'ondoa', 'i-delete'],
  state: ['abonniert'],
});

/**
 * The control on a followed account's row that opens Instagram's own unfollow confirmation:
 * "Following" and its translations. Only these are pressed as a following's next step; "Follow"
 * is in none of the lists, so it can never be pressed from here.
 */
export const FOLLOWING_WORDS: CardWords = {
  accept: [],
  add: [],
  negative: [
    'following', // English
    'siguiendo', // Spanish
    'abonné', 'abonnée', // French ("Abonné(e)")
    'gefolgt', 'abonniert', // German
    'seguindo', // Portuguese
    'segui già', // Italian
  ],
  state: [],
};

/**
 * How Instagram words an avatar's alt text around the person's username, per UI language. The
 * alt text is the only place the Direct inbox shows a username, and a username is an exact
 * identity. Source: the alt-text patterns an image-zoom extension reads on instagram.com in every
 * UI language it knows (public code, ref 55141389673, one alternation of 45 forms, from
 * "(.+?) se profielfoto" to "Основна світлина (.+?)"); the English form also in Safari_Automations
 * docs/INSTAGRAM_DM_SELECTORS.md (2026-01-31). "Profilbild von …" is the German wording issue 12
 * reports. The username must still read as one (usernameFromAlt), so a form that also fits a
 * sentence finds nobody in it.
 */
export const AVATAR_ALT_FORMS: readonly string[] = [
  // The username stands where the `*` is; kept as one string each so that the table stays small.
  "*'s profile picture", // English
  '*’s profile picture', // English, typographic apostrophe
  'Foto del perfil de *', // Spanish
  'Foto de perfil de *', // Spanish (Latin America), Portuguese (Portugal)
  'Photo de profil de *', // French
  'Profilbild von *', // German
  '*s Profilbild', // German: the username with a genitive s
  'Foto do perfil de *', // Portuguese (Brazil)
  'Immagine del profilo di *', // Italian
  '* se profielfoto', // Afrikaans
  'Profielfoto van *', // Dutch
  '*s profilbillede', // Danish
  'Profilbildet til *', // Norwegian
  'Käyttäjän * profiilikuva', // Finnish
  'Zdjęcie profilowe *', // Polish
  'Profilový obrázek *', // Czech
  'Profilová fotka používateľa *', // Slovak
  '* profilképe', // Hungarian
  'Fotografia de profil a contului *', // Romanian
  'Slika profila *', // Croatian
  'Слика на профилу корисника *', // Serbian
  'Снимката на профила на *', // Bulgarian
  'Фото профиля *', // Russian
  'Основна світлина *', // Ukrainian
  'Εικόνα προφίλ του χρήστη *', // Greek
  "*'in profil resmi", // Turkish
  '*’in profil resmi', // Turkish, typographic apostrophe
  'Foto profil *', // Indonesian
  'Gambar profil *', // Malay
  'Litrato sa profile ni *', // Filipino
  'Ảnh đại diện của *', // Vietnamese
  'รูปโปรไฟล์ของ *', // Thai
  '*のプロフィール写真', // Japanese
  '*님의 프로필 사진', // Korean
  '*的头像', // Chinese (simplified)
  '*的大頭貼照', // Chinese (Taiwan)
  '*的個人資料相片', // Chinese (Hong Kong)
  '* का प्रोफ़ाइल चित्र', // Hindi
  '* এর প্রোফাইল ছবি', // Bengali
  '*નું પ્રોફાઇલ ચિત્ર', // Gujarati
  '* चे परिचय चित्र', // Marathi
  '* को प्रोफाइल तस्वीर', // Nepali
  '* ਦੀ ਪ੍ਰੋਫਾਈਲ ਫੋਟੋ', // Punjabi
  '* இன் சுயவிவரப் படம்', // Tamil
  '* ప్రొఫైల్ చిత్రం', // Telugu
  '* ಅವರ ಪ್ರೊಫೈಲ್ ಚಿತ್ರ', // Kannada
  '* എന്നയാളുടെ പ്രൊഫൈൽ ചിത്രം', // Malayalam
  '*ගේ පැතිකඩ පින්තූරය', // Sinhala
  'Picha ya wasifu ya *', // Swahili [G]: not in the source's forms; the words of round 10's Swahili replica
];

/**
 * The label of the link to one's own profile in Instagram's left navigation ("Profile"). The link
 * also holds one's own avatar; either tells the clinician's own account apart from people shown
 * in the page.
 */
export const OWN_PROFILE_LINK_WORDS = ['profile', 'perfil', 'profil', 'profilo'] as const;

/**
 * Lines Instagram prints under a person's name on suggestions and lists, which are context, not
 * the name ("Followed by ana.c + 2 more", "Suggested for you"). Matched at the start, any case.
 */
export const CONTEXT_LINES = [
  'followed by', 'follows you', 'suggested for you', 'new to instagram', 'popular', // English
  'seguido por', 'seguida por', 'te sigue', 'sugerencias para ti', 'sugerido para ti', 'nuevo en instagram', // Spanish
  'suivi par', 'suivie par', 'vous suit', 'suggestions pour vous', 'suggéré pour vous', 'nouveau sur instagram', // French
  'gefolgt von', 'folgt dir', 'vorschläge für dich', 'vorgeschlagen für dich', 'neu auf instagram', // German
  'seguido(a) por', 'segue você', 'sugestões para você', 'sugerido para você', 'novo no instagram', // Portuguese
  'seguito da', 'ti segue', 'suggeriti per te', 'suggerito per te', 'nuovo su instagram', // Italian
];

/**
 * Likes beyond card-words.ts REACTED_WORDS (six languages), in the words Instagram's activity
 * frames a like of the clinician's comment with ("Korisniku … sviđa se vaš komentar:", "…
 * polubił(a) Twój komentarz:"): that row links the comment's permalink as a comment's or a
 * mention's does, so in a UI language without SAID_WORDS only these words tell it is a like
 * (adapter.ts isNoticeRow). [G]: the usual translations of "likes" / "liked", as the Croatian
 * replica writes its; none is a given name or a surname, and only the words before the quoted
 * comment are read.
 */
export const LIKED_WORDS: readonly string[] = [
  'sviđa', 'свиђа', // Croatian, Bosnian, Serbian (Latin, Cyrillic): "sviđa se"
  'nagustuhan', // Filipino
  'menyukai', // Indonesian, Malay
  'beğendi', // Turkish
  'polubił', 'polubiła', // Polish
  'gillar', // Swedish
  'líbí', 'páči', // Czech, Slovak: "se líbí", "sa páči"
  'kedveli', // Hungarian
  'нравится', 'подобається', // Russian, Ukrainian
];

/**
 * The open thread's (i) control, whose details pane holds Block: `svg[aria-label="Conversation
 * information"]` [S, refs 61872605347, 69881992809]; Spanish and Italian as the replicas show them.
 * Only labels seen are listed (every byte here is on every Instagram page): in another language
 * Block refuses, saying so, rather than guess.
 */
export const CONVERSATION_DETAILS_WORDS = ['conversation information', 'información de la conversación', 'informazioni sulla conversazione'] as const;
