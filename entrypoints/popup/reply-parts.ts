// The lazily loaded chunk behind useReplyTools (./later-parts.ts): nothing in the popup imports this statically.
export { checkReply, composeReply } from '@/lib/replies/library';
export { ReplyChooser } from './ReplyChooser';
