import { describe, expect, it } from 'vitest';
import { looksLikeAccessCheckName } from '../src/vocabulary/record-lookups.js';

describe('looksLikeAccessCheckName', () => {
  it('knows policies, ownership and membership checks', () => {
    for (const name of ['canUpdateBoard', 'can', 'authorize', 'hasPermission', 'checkNoteOwnership', 'assertOwner', 'isMember', 'belongsToTeam', 'fetchAndAuthorizeActionClass']) {
      expect(looksLikeAccessCheckName(name), name).toBe(true);
    }
  });
  it('leaves lookups and handlers alone', () => {
    for (const name of ['findById', 'deleteComment', 'update', 'cancelOrder', 'candidates', 'issueRefund']) {
      expect(looksLikeAccessCheckName(name), name).toBe(false);
    }
  });
});
