import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import type { ReplyLanguage } from '@/lib/settings/practice';
import type { ReplyTemplate, Situation } from './templates';

/**
 * Boundary's own replies. Every one reads the same whether or not the person is a client: none
 * names therapy, sessions or appointments, none says what the person is to the clinician, none
 * asks for a like, a follow or a review (the confidentiality check passes them all, and a test
 * holds that). Optional details sit on lines of their own so an unset one drops out cleanly.
 * The default conversation reply keeps no {first_name}: it is the same text for everyone.
 */
const ALL: Platform[] = [...PLATFORMS];

const en = (name: string, id: string, situation: Situation, platforms: Platform[], lines: string[]): ReplyTemplate => ({
  id: `builtin/en/${id}`,
  name,
  situation,
  language: 'en',
  platforms,
  body: lines.join('\n'),
});
const es = (name: string, id: string, situation: Situation, platforms: Platform[], lines: string[]): ReplyTemplate => ({
  id: `builtin/es/${id}`,
  name,
  situation,
  language: 'es',
  platforms,
  body: lines.join('\n'),
});

const CHANNELS_EN = ['Phone: {phone}', 'Secure portal: {portal}', 'Secure email: {secure_email}'];
const CHANNELS_ES = ['Teléfono: {phone}', 'Portal seguro: {portal}', 'Correo seguro: {secure_email}'];
/** The sentence every redirect shares; it reads sensibly with or without the details below it. */
const REDIRECT_EN = 'Please contact the practice by phone or through its secure channels instead.';
const REDIRECT_ES = 'Por favor, póngase en contacto con el centro por teléfono o a través de sus canales seguros.';
const URGENT_EN = 'If you need urgent help, call your local emergency number or contact {crisis_line}.';
const URGENT_ES = 'Si necesita ayuda urgente, llame al número de emergencias de su zona o contacte con {crisis_line}.';

export const BUILTIN_TEMPLATES: readonly ReplyTemplate[] = [
  en('Redirect (short)', 'conversation-short', 'conversation', ALL, [
    'Hello, thank you for getting in touch.',
    'I don’t use social media messages for anything to do with my work, so I won’t be replying here.',
    REDIRECT_EN,
    ...CHANNELS_EN,
    URGENT_EN,
    '{practice}',
  ]),
  en('Redirect (longer, with name)', 'conversation-long', 'conversation', ALL, [
    'Hello {first_name},',
    'Thank you for your message.',
    'I keep my social media accounts personal and don’t take up anything about my work on them. Messages here are not private enough for that, and I may not see them for a while.',
    'The practice’s secure channels are the right place, and they are checked regularly:',
    ...CHANNELS_EN,
    'I won’t answer further messages here, so please use one of those instead.',
    'If you need help urgently, please don’t wait for a reply: call your local emergency number or contact {crisis_line}.',
    'Best wishes from {practice}',
  ]),
  en('Message request', 'message-request', 'message-request', ALL, [
    'Hello, thanks for your message.',
    'I don’t use this account for anything to do with my work, so I won’t be continuing the conversation here.',
    REDIRECT_EN,
    ...CHANNELS_EN,
    URGENT_EN,
  ]),
  en('Answer instead of deleting', 'request-answer', 'request-answer', ['facebook', 'instagram'], [
    'Hello {first_name},',
    'Thank you for the request. I keep this account for family and close friends only, so I won’t be accepting it.',
    'Please don’t take it personally: it is the same for everyone outside that small circle.',
    'If you would like to reach the practice, please use its secure channels.',
    ...CHANNELS_EN,
  ]),
  en('Answer instead of ignoring', 'request-answer-linkedin', 'request-answer', ['linkedin'], [
    'Hello {first_name},',
    'Thank you for the invitation. I keep my network here to colleagues in my field, so I won’t be connecting.',
    'Please don’t take it personally: it is the same for everyone outside that circle.',
    'If you would like to reach the practice, please use its secure channels.',
    ...CHANNELS_EN,
  ]),
  en('Comment or mention', 'comment', 'comment', ALL, [
    'Thank you. To protect everyone’s privacy, I don’t reply to comments or mentions here.',
    'To get in touch, please contact the practice directly.',
  ]),
  en('Private note after a comment', 'comment-private', 'comment-private', ALL, [
    'Hello, thank you for thinking of me.',
    'I keep my social media accounts apart from my work, so I don’t take part in comments, mentions or tags here, and I may remove them.',
    'If you would like to be in touch, please contact the practice directly instead.',
    ...CHANNELS_EN,
    URGENT_EN,
  ]),

  es('Redirección (breve)', 'conversation-short', 'conversation', ALL, [
    'Hola, gracias por escribir.',
    'No uso los mensajes de redes sociales para nada relacionado con mi trabajo, así que no responderé por aquí.',
    REDIRECT_ES,
    ...CHANNELS_ES,
    URGENT_ES,
    '{practice}',
  ]),
  es('Redirección (larga, con nombre)', 'conversation-long', 'conversation', ALL, [
    'Hola, {first_name}:',
    'Gracias por su mensaje.',
    'Mis redes sociales son personales y no trato en ellas nada de mi trabajo. Estos mensajes no son lo bastante privados para ello, y puede que tarde en verlos.',
    'Los canales seguros del centro son el lugar adecuado, y se revisan con frecuencia:',
    ...CHANNELS_ES,
    'No contestaré más mensajes por aquí, así que use uno de esos canales, por favor.',
    'Si necesita ayuda con urgencia, no espere una respuesta: llame al número de emergencias de su zona o contacte con {crisis_line}.',
    'Un saludo de {practice}',
  ]),
  es('Solicitud de mensaje', 'message-request', 'message-request', ALL, [
    'Hola, gracias por su mensaje.',
    'No uso esta cuenta para nada relacionado con mi trabajo, así que no seguiré la conversación por aquí.',
    REDIRECT_ES,
    ...CHANNELS_ES,
    URGENT_ES,
  ]),
  es('Responder en vez de eliminar', 'request-answer', 'request-answer', ['facebook', 'instagram'], [
    'Hola, {first_name}:',
    'Gracias por la solicitud. Uso esta cuenta solo con familia y amistades cercanas, así que no voy a aceptarla.',
    'No se lo tome como algo personal: hago lo mismo con todas las personas fuera de ese círculo.',
    'Si desea contactar con el centro, use por favor sus canales seguros.',
    ...CHANNELS_ES,
  ]),
  es('Responder en vez de ignorar', 'request-answer-linkedin', 'request-answer', ['linkedin'], [
    'Hola, {first_name}:',
    'Gracias por la invitación. Aquí solo conecto con colegas de mi campo, así que no voy a aceptarla.',
    'No se lo tome como algo personal: hago lo mismo con todas las personas fuera de ese círculo.',
    'Si desea contactar con el centro, use por favor sus canales seguros.',
    ...CHANNELS_ES,
  ]),
  es('Comentario o mención', 'comment', 'comment', ALL, [
    'Gracias. Para proteger la privacidad de todos, no respondo a comentarios ni menciones por aquí.',
    'Para cualquier cosa, contacte directamente con el centro, por favor.',
  ]),
  es('Nota privada tras un comentario', 'comment-private', 'comment-private', ALL, [
    'Hola, gracias por acordarse de mí.',
    'Mantengo mis redes sociales al margen de mi trabajo, así que no participo en comentarios, menciones ni etiquetas por aquí, y puede que los retire.',
    'Si desea ponerse en contacto, hágalo directamente con el centro, por favor.',
    ...CHANNELS_ES,
    URGENT_ES,
  ]),
];

export const BUILTIN_BY_ID: ReadonlyMap<string, ReplyTemplate> = new Map(BUILTIN_TEMPLATES.map((t) => [t.id, t]));

export function isBuiltinId(id: string): boolean {
  return BUILTIN_BY_ID.has(id);
}

/** Boundary's choice of default, in ./choose.ts with the rest of choosing (the popup needs it without these templates). */
export { builtinDefaultId } from './choose';
