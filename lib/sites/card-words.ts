import { lowerLabel } from './labels';

/**
 * What the controls on a person's card say they do, in the UI languages Boundary knows (EN, ES,
 * FR, DE, PT, IT in full; for the pair itself also CA, NL, PL, SV, DA, NB, FI, CS, SK, HU, HR, BS, SR,
 * SL, RO, EL, RU, UK, TR, AR, HE, FA, UR, HI, BN, ID, MS, TL, VI, TH, JA, KO, ZH). A card is told from its pair
 * of controls: one that takes the person in
 * (accept a request, or add / follow / connect a suggestion) and one that turns them away
 * (delete, ignore, remove, dismiss). Words are matched as whole words, the first action word in a
 * label deciding ("Ignore an invitation to connect from Ana" turns away; "Accept Ana’s
 * invitation" accepts; "Einladung von Ana ignorieren" turns away with the verb last).
 *
 * Each site adapter may add words of its own (CardWords below); these are the words every site
 * uses. Sources: the sites' own labels as public userscripts press them (site-evidence.md B, items
 * 2, 4, 13) and the existing replicas; beyond the first six languages the words are the usual
 * translations of Confirm / Delete / Add friend / Follow / Accept / Ignore / Connect [G]. A word
 * that is missing costs a pair that is not recognised, never a wrong press: a control is pressed
 * only when its own label turns the person away. So every word below that turns away must mean
 * exactly that, and a word that could be read either way is left out ("lisää" is Finnish for
 * "add" and for "more"; "友達" alone would make "友達リクエストを削除" a state).
 *
 * Chinese and Japanese are written without spaces between words: their words are found inside a
 * label ("友達リクエストを削除" turns away), the longest first at each place (readLabel).
 */

/** What a card's control does to the person on it. */
export type ControlRole =
  /** Accepts a pending request: Confirm, Accept, Approve. */
  | 'accept'
  /** Starts a relationship with someone the site suggests: Add friend, Follow, Connect, Invite. */
  | 'add'
  /** Turns the person away: Delete, Ignore, Decline, Remove, Dismiss, Hide, Close, ✕. */
  | 'negative'
  /** Shows a relationship already there or pending (Following, Requested, Pending, Cancel): never a pair. */
  | 'state';

export type CardWords = Readonly<Record<ControlRole, readonly string[]>>;

export const CARD_WORDS: CardWords = {
  accept: [
    'confirm', 'accept', 'approve', // English
    'confirmar', 'aceptar', 'aprobar', // Spanish
    'confirmer', 'accepter', 'approuver', // French
    'bestätigen', 'annehmen', 'akzeptieren', // German
    'aceitar', 'aprovar', // Portuguese ("confirmar" above)
    'conferma', 'accetta', 'approva', // Italian
    // Further languages the sites ship, for pressing the right control (detection needs no words).
    'bevestigen', 'accepteren', // Dutch
    'confirma', 'accepta', 'aprova', // Catalan
    'potwierdź', 'akceptuj', // Polish
    'bekräfta', 'acceptera', 'godkänn', // Swedish
    'bekræft', 'acceptér', 'godkend', // Danish ("accepter" above)
    'bekreft', 'godta', 'godkjenn', // Norwegian
    'vahvista', 'hyväksy', // Finnish
    'potvrdit', 'přijmout', 'schválit', 'potvrdiť', 'prijať', // Czech, Slovak
    'visszaigazolás', 'elfogadás', 'jóváhagyás', 'megerősítés', // Hungarian
    'potvrdi', 'prihvati', 'odobri', 'потврди', 'прихвати', 'potrdi', 'sprejmi', // Croatian, Bosnian, Serbian (Latin, Cyrillic), Slovenian
    'confirmă', 'acceptă', 'aprobă', 'acceptați', 'confirmați', 'acceptaţi', 'confirmaţi', // Romanian (comma and cedilla forms)
    'επιβεβαίωση', 'αποδοχή', 'έγκριση', // Greek
    'onayla', 'kabul et', // Turkish
    'подтвердить', 'принять', // Russian
    'підтвердити', 'прийняти', // Ukrainian
    'تأكيد', 'قبول', 'موافقة', // Arabic
    'אישור', 'אשר', 'קבל', 'קבלה', // Hebrew
    'تأیید', 'تایید', 'پذیرفتن', 'پذیرش', // Persian ("قبول" above)
    'تصدیق کریں', 'منظور کریں', // Urdu ("قبول کریں" by "قبول" above)
    'पुष्टि करें', 'स्वीकार करें', 'स्वीकारें', 'कन्फ़र्म करें', // Hindi
    'নিশ্চিত করুন', 'গ্রহণ করুন', 'স্বীকার করুন', 'কনফার্ম করুন', // Bengali
    'konfirmasi', 'terima', 'setujui', 'sahkan', // Indonesian, Malay
    'kumpirmahin', 'tanggapin', // Filipino
    'xác nhận', 'chấp nhận', 'phê duyệt', // Vietnamese
    'ยืนยัน', 'ยอมรับ', // Thai
    '承認', '承認する', '確認', '許可', // Japanese
    '확인', '수락', '승인', // Korean
    '确认', '接受', '批准', '確認', // Chinese
  ],
  add: [
    'add friend', 'add', 'follow', 'follow back', 'connect', 'invite', // English
    'agregar', 'añadir', 'seguir', 'conectar', 'invitar', // Spanish
    'ajouter', 'suivre', "s'abonner", 'se connecter', 'inviter', 'invitez', // French
    'hinzufügen', 'folgen', 'zurückfolgen', 'vernetzen', 'einladen', // German
    'adicionar', 'conectar-se', 'convidar', // Portuguese ("seguir", "conectar" above)
    'aggiungi', 'segui', 'collegati', 'invita', // Italian
    'segueix', 'segueix tu també', 'afegeix', 'afegeix amic', 'connecta', 'convida', // Catalan
    'toevoegen', 'vriend toevoegen', 'volgen', 'verbinden', 'connectie maken', 'terugvolgen', // Dutch
    'dodaj', 'dodaj do znajomych', 'obserwuj', 'połącz', 'nawiąż kontakt', // Polish
    'lägg till', 'följ', 'anslut', 'ansluta', 'bjud in', 'knyt kontakt', // Swedish
    'tilføj', 'tilføj ven', 'følg', 'forbind', 'opret forbindelse', // Danish
    'legg til', 'legg til venn', 'koble til', 'knytt kontakt', // Norwegian ("følg" above)
    'lisää kaveriksi', 'lisää ystäväksi', 'seuraa', 'yhdistä', 'kutsu', // Finnish
    'přidat', 'přidat do přátel', 'sledovat', 'spojit se', 'pridať', 'sledovať', // Czech, Slovak
    'ismerősnek jelölés', 'bejelölés', 'követés', 'kapcsolódás', // Hungarian
    'dodaj prijatelja', 'prati', 'poveži se', 'pozovi', 'додај пријатеља', 'прати', 'повежи се', 'sledi', // Croatian, Bosnian, Serbian, Slovenian ("dodaj" above)
    'adaugă', 'adaugă prieten', 'urmărește', 'urmăreşte', 'conectează-te', 'conectați-vă', 'conectaţi-vă', // Romanian
    'προσθήκη', 'προσθήκη φίλου', 'ακολουθήστε', 'ακολούθηση', 'σύνδεση', // Greek
    'ekle', 'arkadaş ekle', 'arkadaşı ekle', 'takip et', 'bağlantı kur', // Turkish
    'добавить', 'добавить в друзья', 'подписаться', 'установить контакт', // Russian
    'додати', 'додати в друзі', 'стежити', 'підписатися', 'встановити контакт', // Ukrainian
    'إضافة', 'إضافة صديق', 'إضافة إلى الأصدقاء', 'متابعة', 'تواصل', // Arabic
    'הוסף חבר', 'הוספת חבר', 'עקוב', 'מעקב', 'התחבר', 'התחברות', // Hebrew
    'افزودن', 'افزودن دوست', 'دنبال کردن', // Persian
    'فالو کریں', 'فالو بیک', 'دوست شامل کریں', 'کنیکٹ کریں', // Urdu (Instagram's loanword for Follow, as Hindi's)
    'मित्र जोड़ें', 'दोस्त जोड़ें', 'फ़ॉलो करें', 'फॉलो करें', 'कनेक्ट करें', // Hindi
    // Bengali; Instagram's Bengali UI writes Follow as the loanword "ফলো করুন" (as Hindi's "फ़ॉलो करें") [G].
    'বন্ধু যোগ করুন', 'অনুসরণ করুন', 'সংযোগ করুন', 'ফলো করুন', 'ফলো ব্যাক',
    'tambah teman', 'tambahkan teman', 'tambahkan', 'ikuti', 'hubungkan', 'terhubung', 'tambah rakan', 'sambung', 'ikut', // Indonesian, Malay
    'magdagdag ng kaibigan', 'i-add', 'i-follow', 'idagdag', 'sundan', 'kumonekta', // Filipino
    'thêm bạn bè', 'thêm bạn', 'theo dõi', 'kết nối', // Vietnamese
    'เพิ่มเพื่อน', 'ติดตาม', 'เชื่อมต่อ', // Thai
    '友達になる', '友達を追加', 'フォロー', 'フォローする', 'フォローバック', 'つながる', 'つながりを申請', 'つながり申請', // Japanese
    '친구 추가', '팔로우', '맞팔로우', '연결', '1촌 맺기', // Korean
    '加为好友', '添加好友', '加好友', '关注', '回关', '建立联系', '加朋友', '加為朋友', '新增好友', '追蹤', '關注', '建立關係', // Chinese
  ],
  negative: [
    'delete', 'ignore', 'decline', 'remove', 'dismiss', 'hide', 'close', 'not now', 'not interested', // English
    'eliminar', 'ignorar', 'rechazar', 'quitar', 'borrar', 'descartar', 'ocultar', 'cerrar', 'ahora no', // Spanish
    'supprimer', 'ignorer', 'refuser', 'retirer', 'masquer', 'fermer', 'pas maintenant', // French
    'löschen', 'ignorieren', 'ablehnen', 'entfernen', 'ausblenden', 'schließen', 'verwerfen', 'nicht jetzt', // German
    'excluir', 'recusar', 'remover', 'apagar', 'ocultar', 'fechar', 'agora não', // Portuguese ("ignorar", "descartar" above)
    'elimina', 'ignora', 'rifiuta', 'rimuovi', 'nascondi', 'chiudi', 'non ora', // Italian
    'suprimeix', 'rebutja', 'tanca', 'amaga', 'ara no', // Catalan ("elimina", "ignora" above; not "treu", also German and a surname)
    'verwijderen', 'negeren', 'weigeren', 'sluiten', 'verbergen', 'niet nu', // Dutch
    'usuń', 'ignoruj', 'odrzuć', 'zamknij', 'ukryj', 'nie teraz', // Polish
    'ta bort', 'ignorera', 'avböj', 'stäng', 'dölj', 'inte nu', // Swedish
    'slet', 'afvis', 'fjern', 'skjul', 'ikke nu', // Danish ("ignorer" above; not "luk", also a surname)
    'slett', 'avslå', 'avvis', 'lukk', 'ikke nå', // Norwegian
    'poista', 'ohita', 'hylkää', 'sulje', 'piilota', 'ei nyt', // Finnish
    'smazat', 'odstranit', 'odebrat', 'ignorovat', 'odmítnout', 'skrýt', 'zavřít', 'odstrániť', 'odobrať', 'ignorovať', 'odmietnuť', 'vymazať', 'zavrieť', // Czech, Slovak
    'törlés', 'figyelmen kívül hagyás', 'elutasítás', 'eltávolítás', 'elrejtés', 'bezárás', 'most nem', // Hungarian
    'izbriši', 'obriši', 'ukloni', 'odbij', 'zanemari', 'ignoriraj', 'ignoriši', 'sakrij', 'zatvori', 'ne sada', // Croatian, Bosnian, Serbian (Latin)
    'избриши', 'обриши', 'уклони', 'одбиј', 'игнориши', 'сакриј', 'затвори', 'odstrani', 'zavrni', 'prezri', 'skrij', 'zapri', // Serbian (Cyrillic), Slovenian
    'șterge', 'şterge', 'ignoră', 'respinge', 'elimină', 'ascunde', 'închide', 'ignorați', 'ignoraţi', 'nu acum', // Romanian
    'διαγραφή', 'παράβλεψη', 'απόρριψη', 'αφαίρεση', 'απόκρυψη', 'κλείσιμο', 'όχι τώρα', // Greek
    'sil', 'yoksay', 'yok say', 'reddet', 'kapat', 'kaldır', 'gizle', 'şimdi değil', // Turkish
    'удалить', 'игнорировать', 'отклонить', 'закрыть', 'скрыть', 'не сейчас', // Russian
    'видалити', 'ігнорувати', 'відхилити', 'закрити', 'приховати', 'вилучити', // Ukrainian
    'حذف', 'تجاهل', 'رفض', 'إزالة', 'إخفاء', 'إغلاق', 'ليس الآن', // Arabic
    'מחק', 'מחיקה', 'התעלם', 'התעלמות', 'הסר', 'הסרה', 'דחה', 'סגור', 'הסתר', // Hebrew
    'نادیده گرفتن', 'رد کردن', 'برداشتن', 'بستن', // Persian ("حذف" above)
    'ہٹائیں', 'نظرانداز کریں', 'نظر انداز کریں', 'مسترد کریں', 'بند کریں', 'چھپائیں', 'ابھی نہیں', // Urdu ("حذف کریں" by "حذف" above)
    'हटाएँ', 'हटाएं', 'डिलीट करें', 'अनदेखा करें', 'अस्वीकार करें', 'बंद करें', 'छिपाएँ', 'छिपाएं', // Hindi
    'মুছুন', 'মুছে ফেলুন', 'ডিলিট করুন', 'উপেক্ষা করুন', 'সরান', 'বন্ধ করুন', 'লুকান', // Bengali
    'hapus', 'abaikan', 'tolak', 'buang', 'tutup', 'sembunyikan', 'padam', 'alih keluar', 'jangan sekarang', // Indonesian, Malay
    'burahin', 'tanggalin', 'alisin', 'huwag pansinin', // Filipino (not "isara", also a name)
    'xóa', 'xoá', 'bỏ qua', 'từ chối', 'gỡ', 'ẩn', 'đóng', 'để sau', // Vietnamese
    'ลบ', 'ไม่สนใจ', 'ปฏิเสธ', 'ซ่อน', 'ปิด', // Thai
    '削除', '無視', '拒否', '閉じる', '非表示', '却下', '今はしない', '承認しない', '許可しない', // Japanese
    '삭제', '무시', '거절', '숨기기', '닫기', '제거', '나중에', // Korean
    '删除', '忽略', '拒绝', '移除', '隐藏', '关闭', '刪除', '拒絕', '隱藏', '關閉', '不接受', '不批准', // Chinese
  ],
  state: [
    'following', 'unfollow', 'requested', 'pending', 'cancel', 'withdraw', 'friends', 'close friends', 'message', // English
    'siguiendo', 'dejar de seguir', 'solicitado', 'solicitada', 'pendiente', 'cancelar', 'amigos', 'mensaje', // Spanish
    'abonné', 'abonnée', 'ne plus suivre', 'demandé', 'en attente', 'annuler', 'amis', // French
    'gefolgt', 'entfolgen', 'nicht mehr folgen', 'angefragt', 'ausstehend', 'abbrechen', 'zurückziehen', 'freunde', 'nachricht', // German
    'seguindo', 'deixar de seguir', 'pendente', 'amigos', 'mensagem', // Portuguese
    'segui già', 'non seguire più', 'richiesto', 'in attesa', 'annulla', 'amici', 'messaggio', // Italian
    'seguint', 'deixa de seguir', 'sol·licitat', 'sol·licitada', 'pendent', 'cancel·la', 'missatge', // Catalan
    'volgend', 'ontvolgen', 'niet meer volgen', 'annuleren', 'aangevraagd', // Dutch
    'obserwujesz', 'anuluj', 'oczekujące', // Polish
    'följer', 'avbryt', 'väntande', // Swedish, Norwegian
    'følger', 'følg ikke længere', 'annuller', 'afventer', 'venter', // Danish, Norwegian
    'seurataan', 'peruuta', 'odottaa', // Finnish
    'sledujete', 'přestat sledovat', 'prestať sledovať', 'zrušit', 'zrušiť', // Czech, Slovak
    'követed', 'követés megszüntetése', 'mégse', 'visszavonás', 'függőben', // Hungarian
    'otkaži', 'pratiš', 'na čekanju', 'prijatelji', 'poruka', 'откажи', 'пратиш', 'пријатељи', 'порука', 'prekliči', 'sporočilo', // Croatian, Bosnian, Serbian, Slovenian
    'urmărești', 'urmăreşti', 'anulează', 'în așteptare', 'în aşteptare', // Romanian
    'ακολουθείτε', 'ακύρωση', // Greek
    'takiptesin', 'iptal', // Turkish
    'вы подписаны', 'отписаться', 'отменить', 'запрос отправлен', // Russian
    'ви стежите', 'скасувати', 'відписатися', // Ukrainian
    'إلغاء', 'إلغاء المتابعة', 'قيد الانتظار', 'تمت المتابعة', // Arabic
    'ביטול', 'בטל', 'עוקב', 'עוקבת', 'במעקב', // Hebrew
    'لغو', // Persian
    'فالو کر رہے ہیں', 'ان فالو کریں', 'منسوخ کریں', 'درخواست بھیجی گئی', // Urdu
    'रद्द करें', // Hindi
    'বাতিল করুন', // Bengali
    'mengikuti', 'mengikut', 'batal', 'batalkan', 'diminta', 'tertunda', 'berhenti mengikuti', // Indonesian, Malay
    'sinusundan', 'kanselahin', // Filipino
    'đang theo dõi', 'bỏ theo dõi', 'đã yêu cầu', 'hủy', 'huỷ', // Vietnamese
    'กำลังติดตาม', 'ยกเลิก', // Thai
    'フォロー中', 'キャンセル', 'リクエスト済み', '申請済み', '保留中', 'フォローをやめる', '承認待ち', '承認済み', // Japanese
    '팔로잉', '팔로우 취소', '요청됨', '취소', '대기 중', // Korean
    '已关注', '已请求', '取消', '取消关注', '互相关注', '追蹤中', '已追蹤', '取消追蹤', '待处理', '待确认', '待確認', '已确认', '已確認', '已接受', // Chinese
  ],
};

/** Characters sites use as the label of an icon-only close control. */
const CLOSE_GLYPHS = /^[×✕✖╳xX]$/u;

/** A site's own words, added to the shared ones. */
export function withWords(extra: Partial<CardWords>): CardWords {
  return {
    accept: [...CARD_WORDS.accept, ...(extra.accept ?? [])],
    add: [...CARD_WORDS.add, ...(extra.add ?? [])],
    negative: [...CARD_WORDS.negative, ...(extra.negative ?? [])],
    state: [...CARD_WORDS.state, ...(extra.state ?? [])],
  };
}

// The typographic apostrophe is a plain one, replaced once before splitting (both are kept in words).
// Marks stay inside a word: the vowel signs of Hindi, Bengali or Thai, a decomposed accent.
// Lower case by no locale's rules (labels.ts, lowerLabel).
const asWritten = (text: string) =>
  text
    .normalize('NFC')
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{M}\p{N}'-]+/u)
    .filter(Boolean);
const lower = lowerLabel;
const tokens = (text: string) => asWritten(text).map(lower);

/** A word written with a capital and then small letters: inside a label, more likely a name ("Glenn Close", "Sil de Vries") than the action. */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** Scripts written without spaces between words (Chinese, Japanese): their words are looked for inside a label's words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function compile(words: readonly string[]): string[][] {
  return words.map(tokens).filter((phrase) => phrase.length > 0);
}

/**
 * Phrases by their first token, so a label costs a lookup per word rather than a pass over every
 * phrase; and the one-word phrases of the unspaced scripts, longest first, looked for inside words.
 */
type PhraseIndex = Map<string, { role: ControlRole; phrase: string[] }[]> & { unspaced?: { role: ControlRole; text: string }[] };

const compiled = new WeakMap<CardWords, PhraseIndex>();

/** Roles in the order they are tried at one position: "Dejar de seguir" is a state, not "seguir". */
const ROLE_ORDER = ['state', 'accept', 'negative', 'add'] as const;

function indexOf(words: CardWords): PhraseIndex {
  let index = compiled.get(words);
  if (index) return index;
  index = new Map();
  for (const role of ROLE_ORDER) {
    for (const phrase of compile(words[role])) {
      const list = index.get(phrase[0]!) ?? [];
      list.push({ role, phrase });
      index.set(phrase[0]!, list);
    }
  }
  // Longest phrases first at each first word, whatever their role's order.
  for (const list of index.values()) list.sort((a, b) => b.phrase.length - a.phrase.length || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  index.unspaced = [...index.values()]
    .flat()
    .filter(({ phrase }) => phrase.length === 1 && UNSPACED.test(phrase[0]!))
    .map(({ role, phrase }) => ({ role, text: phrase[0]! }))
    .sort((a, b) => b.text.length - a.text.length || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  compiled.set(words, index);
  return index;
}

/** Longer than this, a text is not a control's label but a sentence or a whole card. */
const MAX_LABEL = 160;

/**
 * What a control's label says it does. A label that starts with a state ("Dejar de seguir",
 * "Cancel request") is that state. Otherwise a word that accepts or turns away decides over one
 * that adds, wherever it stands: "Ignore an invitation to connect from Ana" and German's verb-last
 * "Einladung zum Vernetzen von Ana ignorieren" both turn away, "Einladung zum Vernetzen annehmen"
 * accepts; between accepting and turning away, the first word decides. A label that is only a
 * close glyph (✕) turns away. Null when the label holds no action word.
 */
export function roleOfLabel(label: string, words: CardWords = CARD_WORDS): ControlRole | null {
  const trimmed = label.trim();
  if (!trimmed || trimmed.length > MAX_LABEL) return null;
  // A list's rows repeat their controls' words ("Confirm", "Delete"): each label is read once.
  let known = answers.get(words);
  if (!known) answers.set(words, (known = new Map()));
  const answer = known.get(trimmed);
  if (answer !== undefined) return answer;
  const role = readLabel(trimmed, words);
  if (known.size >= ANSWERS_MAX) known.clear();
  known.set(trimmed, role);
  return role;
}

/** roleOfLabel's answers, by word table and label; emptied when full rather than tracked entry by entry. */
const answers = new WeakMap<CardWords, Map<string, ControlRole | null>>();
const ANSWERS_MAX = 2000;

function readLabel(trimmed: string, words: CardWords): ControlRole | null {
  if (CLOSE_GLYPHS.test(trimmed)) return 'negative';
  const written = asWritten(trimmed);
  // A possessive ("Ana's") is never a word of its own.
  const have = written.map((token) => lower(token).replace(/'s$/, ''));
  const index = indexOf(words);
  const found: ControlRole[] = [];
  for (let start = 0; start < have.length; start++) {
    if (UNSPACED.test(have[start]!)) {
      findInside(have[start]!, index.unspaced ?? [], found);
      continue;
    }
    // One capitalised word past the label's first is read as part of a name, not as an action:
    // "Follow Glenn Close" follows, "Einladung von Sil de Vries annehmen" accepts (Turkish "sil"
    // deletes). A phrase of several words ("Not Now", "Add Friend") still counts wherever it stands.
    const asName = start > 0 && CAPITALISED.test(written[start]!);
    for (const { role, phrase } of index.get(have[start]!) ?? []) {
      if (asName && phrase.length === 1) continue;
      if (!phrase.every((token, i) => have[start + i] === token)) continue;
      found.push(role);
      // The rest of a phrase is not read again ("follow back" is one add, not two).
      start += phrase.length - 1;
      break;
    }
  }
  const [first] = found;
  if (first === undefined || first === 'state') return first ?? null;
  const decisive = found.find((role) => role === 'accept' || role === 'negative');
  return decisive ?? first;
}

/** The roles of the words found inside `word`, in order: at each place the longest word there, and after it what follows it. */
function findInside(word: string, unspaced: readonly { role: ControlRole; text: string }[], found: ControlRole[]): void {
  for (let at = 0; at < word.length; ) {
    const here = unspaced.find(({ text }) => word.startsWith(text, at));
    if (!here) {
      at++;
      continue;
    }
    found.push(here.role);
    at += here.text.length;
  }
}

/** A compact word list: words apart by spaces, the words of a phrase joined by `_`. */
const list = (words: string): string[] => words.split(' ').map((word) => word.replace(/_/g, ' '));

/*
 * What the sites' notifications and comment threads say about an item, in the six UI languages
 * (EN ES FR DE PT IT), read as whole words (labels.ts labelHasWord) and only from the words that
 * frame an item ("Ana commented on your post", "ana.ruiz a commenté :"), never from what anyone
 * wrote: lib/sites/mentions.ts stops reading where a quotation starts. Each list is exported on
 * its own so that a site's content script carries only those it reads. Sources: the wordings
 * public scripts sort notifications by (ref 61164824308 "commented", "replied", "mentioned you",
 * "tagged you", likes and reactions apart; refs 13104315389, 61364926535 "mentioned you in a
 * comment"), Facebook's comment labels "Comment by …" / "Reply by …" (refs 57899438307,
 * 63457882542; Dutch "Opmerking" / "Antwoord van", Slovak "Komentár od:" in
 * dmatis2/usesul-scripts) and its "Hide or report this" (refs 70090626611, 55620185012); the
 * other languages' forms are [G], as the sites' translations are written in the replicas.
 */

/** What someone did that is a comment, reply, mention or tag (wall posts: Facebook's notif_t=wall). */
export const SAID_WORDS = /* @__PURE__ */ list(
  'commented replied mentioned tagged comentó respondió mencionó etiquetó comentado respondido mencionado etiquetado ' +
    'commenté répondu mentionné identifié kommentiert geantwortet erwähnt markiert comentou respondeu mencionou marcou ' +
    'commentato risposto menzionato taggato',
);
/**
 * Likes and reactions, which say a notification is no mention although it names a tag or a
 * mention ("liked a photo you're tagged in", "a aimé une photo où vous êtes identifié(e)"). Only
 * the forms such a sentence is worded with: a like alone ("curtiu sua foto") names no said word.
 */
export const REACTED_WORDS = /* @__PURE__ */ list('liked reacted gustó aimé gefällt reagiert piace reagito');
/** The clinician addressed: "your post", "mentioned you" (others' posts are notified too). */
export const ADDRESSED_WORDS = /* @__PURE__ */ list('you your tu te ti vous votre dich dir dein deine deinen sie você sua seu tuo tua');
/**
 * How a comment is labelled: "Comment by Ana", "Reply by Ana to …". Kept so that a page outline
 * keeps these labels readable (lib/outline/words.ts); Facebook's adapter tells a comment by its
 * own ?comment_id= permalink instead, which holds in every language and costs no words.
 */
export const COMMENT_WORDS = /* @__PURE__ */ list(
  'comment reply comentario respuesta commentaire réponse kommentar antwort comentário resposta commento risposta',
);
/**
 * An item's own options menu: "Hide or report this", "Comment options", "Open options for …" (a
 * menu that says it is one, aria-haspopup, is read without words; pressItemMenu).
 */
export const MENU_WORDS = /* @__PURE__ */ list(
  'options hide_or_report opciones optionen kommentaroptionen opções opzioni',
);
/** The label of a notifications panel. */
export const NOTIFICATIONS_WORDS = /* @__PURE__ */ list('notifications notificaciones benachrichtigungen notificações notifiche');

/**
 * Words on the control that starts a site's own Block flow for a person (Facebook's "Block" on a
 * message request, a menu's "Block" item, LinkedIn's "Report / Block"), in the languages above.
 * Whole words, so "Unblock", "Desbloquear", "Débloquer", "Sblocca" never read as Block. Sources:
 * the "Blockieren" / "Block" controls of Messenger's message requests and LinkedIn's "Report /
 * Block" item as the replicas show them [S, site-evidence B]; other languages the sites' usual
 * translations [G].
 */
export const BLOCK_WORDS: readonly string[] = [
  'block', // English ("Report / Block" too)
  'bloquear', // Spanish, Portuguese
  'bloquer', // French
  'blockieren', // German
  'blocca', // Italian
  'blokkeren', // Dutch
  'zablokuj', // Polish
  'blockera', // Swedish
  'engelle', // Turkish
  'заблокировать', // Russian
  'ブロック', // Japanese
];

/**
 * How the label of a card's or conversation's own menu begins: "More options for Ana", "Options".
 * Read from the start of a label only, so that "…more" on a long message, or "Settings, help and
 * more", is no menu; a beginning covers its longer forms ("More actions", "Más opciones para …").
 * Sources: Messenger's chat rows ("More options for …") as the replicas show them, LinkedIn's "More
 * actions" (linkedin/words.ts); the translations [G] unless a replica shows them. Each site adds the
 * labels of its own conversation menus and details (facebook/, instagram/, linkedin/words.ts).
 */
export const OPTIONS_WORDS: readonly string[] = [
  'more', 'options', // English
  'más', 'opciones', // Spanish
  'plus', // French
  'mehr', 'weitere', 'optionen', // German
  'mais', 'opções', // Portuguese
  'altro', 'altre', 'opzioni', // Italian
];
