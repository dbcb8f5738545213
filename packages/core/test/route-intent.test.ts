import { describe, expect, it } from 'vitest';
import { declaresPublicRoute, getResourceKey, hasCredentialParameter, hasPublicFlowSegment, isAccountConfirmationPath, isPublicAssetRead, isPublicViewRead, isAvailabilityCheck, isEngagementPath, isInPublicSection, isModerationPath, isPublicIntakePath, isReadThroughPost } from '../src/vocabulary/route-intent.js';

describe('route intent', () => {
  it('knows a POST that only reads by its last segment', () => {
    for (const path of ['/api/v2/products/get-by-ids', '/search', '/orders/query', '/reports/:id/preview', '/cart/calculate', '/users/findMany', '/isWidgetRoomActive', '/rooms/:id/has-access']) {
      expect(isReadThroughPost(path), path).toBe(true);
    }
    for (const path of ['/products', '/search/reindex', '/orders/:id/cancel', '/targets', '/getaway-bookings', '/settings/:listId', '/issues', '/is']) {
      expect(isReadThroughPost(path), path).toBe(false);
    }
  });
  it('knows an availability check a sign-up form makes', () => {
    for (const path of ['/api/v2/account/is-existed-email/:email', '/users/exists', '/username-available', '/check-availability']) {
      expect(isAvailabilityCheck(path), path).toBe(true);
    }
    for (const path of ['/account', '/users/:id', '/existing-customers/export', '/available-slots/:id/book']) {
      expect(isAvailabilityCheck(path), path).toBe(false);
    }
  });
  it('knows the confirmation steps before an account can sign in', () => {
    for (const path of ['/resend-activation', '/activate', '/api/auth/activation', '/activate/:token', '/auth/confirm-email', '/users/verify-email', '/resend-code']) {
      expect(isAccountConfirmationPath(path), path).toBe(true);
    }
    for (const path of ['/users/:id/activate', '/admin/users/:userId/activation', '/orders/:id/confirm', '/email-templates', '/accounts/:id/verify-email']) {
      expect(isAccountConfirmationPath(path), path).toBe(false);
    }
  });
  it('knows a path whose parameter is its credential', () => {
    for (const path of ['/invitations/:token', '/reset/:passwordToken', '/share/:secret', '/:inviteToken/accept', '/company/invite/verify/:verificationString', '/activate/:activationCode']) {
      expect(hasCredentialParameter(path), path).toBe(true);
    }
    for (const path of ['/tokens/:id', '/api-keys/:keyId', '/secrets', '/users/:id', '/invitations/:invitationId']) {
      expect(hasCredentialParameter(path), path).toBe(false);
    }
  });

  it('reads a comment that declares a route public on purpose, not one that says it is unfinished', () => {
    for (const comment of ['Create cash buyer submission (public endpoint - no auth required)', 'Public: the contact form', 'anonymous feedback', 'Login not required', "Auth isn't necessary in our shutdown-phase", 'This route does not require auth']) {
      expect(declaresPublicRoute(comment), comment).toBe(true);
    }
    for (const comment of ['TODO: public for now, add auth', 'Create an order', 'Publication list', 'should not be public', 'Republic day banner']) {
      expect(declaresPublicRoute(comment), comment).toBe(false);
    }
  });

  it('reads the comment in the languages teams write them in', () => {
    for (const comment of ['공개 API (인증 불필요)', '公开接口，无需登录', '認証不要']) {
      expect(declaresPublicRoute(comment), comment).toBe(true);
    }
    for (const comment of ['인증 필요 API', '需要登录', '좋아요 API', '비공개 게시물', '非公开接口']) {
      expect(declaresPublicRoute(comment), comment).toBe(false);
    }
  });

  it('knows the public flows by the words of a segment, outside the signed-in account', () => {
    for (const path of ['/user/request-login', '/organization/github-auth', '/accounts/request-password-reset', '/auth/forgot', '/password-recovery', '/stripe-webhook', '/identity/accounts/prelogin', '/notifications/anonymous-hub', '/selfhosted/initial-user', '/account/bootstrap', '/setup/first-admin', '/forgetpassword', '/api/resetpassword', '/setup-wizard/create-first-user', '/sessions/validate', '/token/introspect', '/auth/jwt/verify', '/graphql/refreshToken', '/refresh-access-token']) {
      expect(hasPublicFlowSegment(path), path).toBe(true);
    }
    for (const path of ['/me/password/reset', '/account/webauthn/register', '/orders/:id', '/users/:id/password', '/users/:id/login-history', '/account/needs-bootstrap', '/users/initial-balance', '/users/first-orders', '/public-keys/:id', '/orders/:id/publication', '/orders/:id/verify', '/sessions', '/graphql/revokeRefreshTokens', '/feeds/:id/refresh']) {
      expect(hasPublicFlowSegment(path), path).toBe(false);
    }
  });

  it('knows a moderation action by a segment of its path', () => {
    for (const path of ['/merchant/approve/:id', '/reviews/:id/reject', '/users/:id/ban', '/merchant/:id/active', '/accounts/:id/deactivate']) {
      expect(isModerationPath(path), path).toBe(true);
    }
    for (const path of ['/merchant/:id', '/orders/:activeId', '/approvals', '/users/me/verification-email']) {
      expect(isModerationPath(path), path).toBe(false);
    }
  });

  it('knows the forms anyone may send: contact, feedback, newsletter', () => {
    for (const path of ['/contact/add', '/api/feedback', '/newsletter/subscribe', '/api/v1/waitlist', '/contact-us/submit']) {
      expect(isPublicIntakePath(path), path).toBe(true);
    }
    // A CRM's contacts, one feedback record, and what staff do with them are not forms.
    for (const path of ['/contacts', '/feedback/:id', '/feedback/:id/resolve', '/newsletter/campaigns']) {
      expect(isPublicIntakePath(path), path).toBe(false);
    }
  });

  it('knows the public view of a resource by its last segment', () => {
    for (const path of ['/api/v1/settings/public', '/users/:id/public']) expect(isPublicViewRead(path), path).toBe(true);
    for (const path of ['/public/:id/settings', '/settings', '/publications']) expect(isPublicViewRead(path), path).toBe(false);
  });

  it('knows an image read by its file name', () => {
    for (const path of ['/api/core/user/profile/photo/:fileName', '/entityTypes/image/:fileName', '/avatars/:key', '/users/:id/profile-picture/:name']) {
      expect(isPublicAssetRead(path), path).toBe(true);
    }
    for (const path of ['/users/:id', '/profile/photos', '/invoices/:id/pdf', '/images']) {
      expect(isPublicAssetRead(path), path).toBe(false);
    }
  });

  it('finds the section heading a route sits under, up to the start of its block', () => {
    const lines = [
      'export class FeedController {',
      '  // =====================',
      '  // 공개 API (인증 불필요)',
      '  // =====================',
      '',
      '  /** Counts a view. */',
      "  @Post('videos/:id/view')",
      '  view() {}',
      '',
      "  @Post('videos/:id/prefetch')",
      '  prefetch() {}',
      '',
      '  // ---- Authenticated ----',
      "  @Delete('videos/:id')",
      '  remove() {}',
      '}',
      '',
      '// ---- Public routes ----',
      'function register(router) {',
      "  router.post('/contact', sendMessage);",
      '}',
    ];
    expect(isInPublicSection(lines, 6)).toBe(true);
    expect(isInPublicSection(lines, 9)).toBe(true);
    expect(isInPublicSection(lines, 13)).toBe(false);
    // The heading above the function is outside the block the route sits in.
    expect(isInPublicSection(lines, 19)).toBe(false);
    expect(isInPublicSection(['// A public profile page', "router.get('/me', me);"], 1)).toBe(true);
    const paragraphs = [
      '// Tracking endpoints - public',
      "router.post('/track/impression', impression);",
      "router.post('/track/click', click);",
      '',
      "router.delete('/campaigns/:id', remove);",
      '// Campaign actions - requires the marketing role',
      "router.post('/campaigns/:id/publish', publish);",
    ];
    expect(isInPublicSection(paragraphs, 2)).toBe(true);
    // A blank line ends the paragraph; another paragraph's heading says nothing of this one.
    expect(isInPublicSection(paragraphs, 4)).toBe(false);
    expect(isInPublicSection(paragraphs, 6)).toBe(false);
  });

  it('names the resource a path belongs to, past api and version prefixes', () => {
    expect(getResourceKey('/api/v1/posts/:id/like')).toBe('posts');
    expect(getResourceKey('/rest/Orders')).toBe('orders');
    expect(getResourceKey('/:id')).toBe('');
    expect(getResourceKey('/api/{invoiceId}')).toBe('');
    expect(getResourceKey('*')).toBe('');
    expect(getResourceKey(undefined)).toBe('');
  });

  it("knows a reader's reaction to public content, and a report only when it is about a record", () => {
    for (const path of ['/posts/:id/like', '/like_this', '/polls/:pollId/vote', '/comments/:id/report', '/activity/presence/update', '/ack', '/attitude/:id'])
      expect(isEngagementPath(path), path).toBe(true);
    // `POST /reports` files a record of the app's own; `/reports/:id` and `/likelihood` are no reaction either.
    for (const path of ['/reports', '/reports/:id', '/admin/report', '/likelihood', '/orders/:id'])
      expect(isEngagementPath(path), path).toBe(false);
  });

  it('takes the first-run wizard under /init for public setup', () => {
    for (const path of ['/init/owner', '/api/init/configs/:key', '/initialize']) expect(hasPublicFlowSegment(path), path).toBe(true);
    expect(hasPublicFlowSegment('/payments/init')).toBe(false);
  });

  it('knows the sign-in itself is public under any resource, its records are not', () => {
    for (const path of ['/admin/login', '/api/admin/sign-in', '/account/log-in', '/admin/adminLogin']) expect(hasPublicFlowSegment(path), path).toBe(true);
    for (const path of ['/admin/login-history', '/account/webauthn/register', '/admin/users', '/me/sessions']) expect(hasPublicFlowSegment(path), path).toBe(false);
  });
});
