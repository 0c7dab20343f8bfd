/**
 * The policy in English, in Boundary's own words. It speaks as the clinician ("I") to anyone
 * who reads it, and never says of any person that they work with the clinician: it says what
 * the clinician does with everyone.
 */

import { BULLET, SITE_NAMES, listOf, type PolicyFacts, type PolicyWording } from './wording';

function scope({ choices }: PolicyFacts): string {
  const named = choices.sites.map((site) => SITE_NAMES[site]);
  if (named.length > 0 && choices.otherSites) return `It covers my accounts on ${named.join(', ')} and any other social network, blog or forum I use.`;
  if (named.length > 0) return `It covers my accounts on ${listOf(named, 'and')}.`;
  if (choices.otherSites) return 'It covers every social network, blog or forum I use.';
  return 'It covers any personal account I keep online.';
}

function channels(facts: PolicyFacts): string {
  const lines = [
    facts.phone && `${BULLET}Phone: ${facts.phone}`,
    facts.portalUrl && `${BULLET}Secure portal: ${facts.portalUrl}`,
    facts.secureEmail && `${BULLET}Secure email: ${facts.secureEmail}`,
  ].filter(Boolean);
  if (lines.length === 0) return 'We will agree at our first session on the best way to reach each other.';
  return ['To reach me, please use:', ...lines].join('\n');
}

export const ENGLISH: PolicyWording = {
  title: (practiceName) => (practiceName ? `Social media policy: ${practiceName}` : 'Social media policy'),
  sections: {
    about: {
      heading: 'About this policy',
      paragraphs: (facts) => [
        `This policy explains how I use social media and other online services, and what you can expect from me online while we work together and after we finish. ${scope(facts)}`,
        'Confidentiality means that I never tell anyone whether or not someone works with me. You remain free to tell anyone you like, anywhere you like; what follows is about how I protect your privacy, and how you can protect it too.',
      ],
    },
    requests: {
      heading: 'Friend, follow and connection requests',
      paragraphs: ({ choices }) => [
        'I don’t accept friend, follow or connection requests from anyone I am working with. Being linked online would put your confidentiality at risk and would blur the line between our work and the rest of our lives.',
        choices.formerClients === 'never'
          ? 'This stays the same after we finish working together: I don’t accept requests from former clients either.'
          : `This stays the same for at least ${choices.formerYears === 1 ? 'one year' : `${choices.formerYears} years`} after we finish working together. After that, I think about each request on its own merits.`,
        choices.requestReply === 'quiet'
          ? 'When such a request reaches me, I decline it without a message. Please don’t read anything personal into it: I do the same for everyone.'
          : 'When such a request reaches me, I decline it and send a short note saying so. The note is the same for everyone and says nothing about how we know each other.',
      ],
    },
    following: {
      heading: 'Following and looking at profiles',
      paragraphs: ({ choices }) => [
        choices.publicPage
          ? 'The practice has a public page that anyone may follow, read and share. Doing so is entirely up to you and nobody expects it. Remember that likes, shares and comments there are visible to others, and may also show on your own profile.'
          : 'The practice keeps no public page for you to follow.',
        'I don’t follow the people I work with, send them requests, or follow them back. Nor do I look at their profiles or posts out of curiosity: doing that without an agreed reason can confuse what belongs to our work and what does not. If there is something online you would like me to see, bring it to a session and we can look at it together.',
      ],
    },
    messages: {
      heading: 'Messages, and how to reach me',
      paragraphs: (facts) => [
        'Please don’t contact me through social media messages. They are not secure, and I may not see them for some time.',
        facts.choices.messages === 'redirect'
          ? 'If you do write to me there, I will answer once, only to point you to the ways of reaching me below, and I will not take anything further up there.'
          : 'I don’t answer messages sent there, so please use one of the ways of reaching me below instead.',
        channels(facts),
        'Please also don’t tag me, mention me or post to me in public. It can show others that we know each other, and what is written there may have to be noted in your records.',
        `If you need help urgently, don’t wait for an answer from me: call your local emergency number or contact ${facts.crisisLine}.`,
      ],
    },
    searches: {
      heading: 'Searching for you online',
      paragraphs: ({ choices }) =>
        choices.searches === 'never'
          ? ['I don’t look people I work with up on search engines or social networks, under any circumstances. It is not part of how I work.']
          : [
              'I don’t look people I work with up on search engines or social networks. It is not part of how I work.',
              'The one exception is a crisis. If I had serious reason to fear for your safety and could not reach you in the usual ways, I might search online to find you or someone close to you. If that ever happens, I will write down what I did and why, and we will talk about it at our next session.',
            ],
    },
    reviews: {
      heading: 'Review sites',
      paragraphs: ({ choices }) => [
        'Review and directory sites may list the practice whether or not it asked to be there, and many let people post ratings and reviews. I don’t reply to reviews, good or bad: any reply could reveal that the person who wrote it works with me. I will also never ask you to write one.',
        choices.reviewsWhileWorking === 'ask-not'
          ? 'You are free to say what you wish wherever you wish. While we are working together, though, I ask you not to rate or review our work online: it can expose your own privacy and get in the way of the work. I may never see what is posted there, so if you have something to say about our work, good or bad, please say it to me.'
          : 'You are free to write about me or the practice wherever you wish. Bear in mind that a public post can expose your own privacy, and that I may never see it: if you have something to say about our work, telling me is the surest way for it to reach me.',
        choices.complaintsBody
          ? `If you feel something has gone wrong and you cannot raise it with me, you can take it to ${choices.complaintsBody}.`
          : 'If you feel something has gone wrong and you cannot raise it with me, you can take it to the professional body I am registered with.',
      ],
    },
    endorsements: {
      heading: 'Likes and endorsements',
      paragraphs: ({ choices }) => [
        'I will never ask you to like, follow, recommend or endorse me or the practice, on any site. Our work is there for you, not for the practice’s reputation.',
        ...(choices.endorsements === 'decline'
          ? ['If an endorsement or recommendation of me comes from you, on LinkedIn for example, I will hide or decline it, to keep our connection private.']
          : []),
      ],
    },
    'check-ins': {
      heading: 'Location check-ins',
      paragraphs: ({ choices }) => [
        'Checking in somewhere, or tagging a place in a photo, tells others where you are. Checking in at the practice, especially more than once, can let people work out why you go there.',
        choices.checkIns === 'warn'
          ? 'Please keep this in mind before you use location features near the practice.'
          : 'Please don’t check in at the practice or tag its location in anything you post.',
      ],
    },
    changes: {
      heading: 'Changes to this policy',
      paragraphs: ({ choices, policyUrl }) => [
        'Social media keep changing, so this policy will change from time to time.',
        choices.changes === 'writing'
          ? 'When it does, I will tell you in writing and give you the new version.'
          : choices.changes === 'website'
            ? `The latest version is always on the practice’s website${policyUrl ? ` (${policyUrl})` : ''}, and I will let you know when it changes.`
            : 'When it does, I will give you the new version at our next session and we can read it through together.',
        'Questions about any of this are welcome at any session.',
      ],
    },
  },
  versionLine: (date) => `Version of ${date}`,
  summary: (choices) =>
    choices.messages === 'redirect'
      ? 'My social media policy is the same for everyone: I don’t accept requests or follow anyone back here, and I answer messages only to point to the practice’s secure channels.'
      : 'My social media policy is the same for everyone: I don’t accept requests, follow anyone back or answer messages here.',
};
