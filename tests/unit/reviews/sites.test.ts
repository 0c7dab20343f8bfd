import { describe, expect, it } from 'vitest';
import { reviewSiteOf, REVIEW_ORIGINS } from '@/lib/reviews/sites';

describe('review-reply screens', () => {
  it.each([
    ['https://business.google.com/reviews', 'google-business'],
    ['https://business.google.com/reviews/l/09876543210987654321', 'google-business'],
    ['https://business.google.com/n/1234567890/reviews?hl=es', 'google-business'],
    ['https://biz.yelp.com/reviews/abcDEF123', 'yelp'],
    ['https://biz.yelp.com/r2r/abcDEF123/reply/xyz', 'yelp'],
  ])('%s is %s', (href, site) => {
    expect(reviewSiteOf(href)).toBe(site);
  });

  it.each([
    'https://business.google.com/dashboard',
    'https://www.google.com/search?q=reviews',
    'https://www.yelp.com/biz/some-practice',
    'https://biz.yelp.com/home',
    'http://biz.yelp.com/reviews/x',
    'nonsense',
  ])('%s is not', (href) => {
    expect(reviewSiteOf(href)).toBeNull();
  });

  it('asks for the hosts it reads', () => {
    expect(REVIEW_ORIGINS).toEqual(['https://business.google.com/*', 'https://biz.yelp.com/*']);
  });
});
