import { Fragment, type ComponentChild } from 'preact';
import { t, type MessageKey } from '@/lib/i18n/t';

/** Where each part goes: private-use characters, which no message holds. */
const mark = (index: number) => `\uE000${index}\uE001`;
const MARKS = /\uE000(\d+)\uE001/;

/**
 * A message with elements inside it (a link, a bold word): `parts[n]` stands where the message
 * puts its (n+1)th placeholder, so each language keeps its own word order.
 */
export function RichMessage({ message, parts }: { message: MessageKey; parts: ComponentChild[] }) {
  const pieces = t(message, ...parts.map((_, index) => mark(index))).split(MARKS);
  // split() with a capture group alternates text and part numbers.
  return <>{pieces.map((piece, i) => (i % 2 === 0 ? piece : <Fragment key={i}>{parts[Number(piece)]}</Fragment>))}</>;
}
