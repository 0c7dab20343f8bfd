import { describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS } from '@/lib/messaging/messages';
import { checkLength, replyLength, replyLimit, SITE_MESSAGE_LIMITS } from '@/lib/replies/limits';

describe('message length limits', () => {
  it('knows each site’s limit, capped by what Boundary will type', () => {
    expect(SITE_MESSAGE_LIMITS).toEqual({ instagram: 1000, linkedin: 8000, facebook: 20000 });
    expect(replyLimit('instagram')).toBe(1000);
    expect(replyLimit('linkedin')).toBe(Math.min(8000, MAX_REPLY_CHARS));
    expect(replyLimit('facebook')).toBe(Math.min(20000, MAX_REPLY_CHARS));
  });

  it('a reply at the limit fits; one character more is over', () => {
    expect(checkLength('x'.repeat(1000), 'instagram')).toEqual({ length: 1000, limit: 1000, over: false });
    expect(checkLength('x'.repeat(1001), 'instagram')).toEqual({ length: 1001, limit: 1000, over: true });
    expect(checkLength('x'.repeat(1001), 'linkedin').over).toBe(false);
    expect(checkLength('x'.repeat(MAX_REPLY_CHARS + 1), 'facebook').over).toBe(true);
  });

  it('counts line breaks, and emoji as two, never fewer than the sites do', () => {
    expect(replyLength('a\nb')).toBe(3);
    expect(replyLength('🙂')).toBe(2);
    expect(checkLength('🙂'.repeat(501), 'instagram').over).toBe(true);
  });
});
