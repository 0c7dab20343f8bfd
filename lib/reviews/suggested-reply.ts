import type { ReplyLanguage } from '@/lib/settings/practice';

/**
 * A reply to a review that would read the same whether or not the reviewer was ever a client: it
 * thanks, says the practice never confirms who its clients are, and offers a private channel.
 * It names no service, no session, no care, and answers nothing the review said.
 */
export const SAFE_REVIEW_REPLY: Record<ReplyLanguage, string> = {
  en: 'Thank you for taking the time to write. To protect everyone’s privacy, we never confirm or discuss whether anyone is connected with our practice, so we do not reply to individual reviews. If you would like to talk with us, please contact the practice directly.',
  es: 'Gracias por tomarse el tiempo de escribir. Para proteger la privacidad de todas las personas, nunca confirmamos ni comentamos si alguien tiene relación con nosotros, y por eso no respondemos a comentarios individuales. Si desea hablar con nosotros, escríbanos o llámenos directamente.',
};
