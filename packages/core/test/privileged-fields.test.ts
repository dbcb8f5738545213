import { describe, expect, it } from 'vitest';
import { isOwnerColumnName, isPrivilegedColumnName } from '../src/index.js';

describe('isPrivilegedColumnName', () => {
  it.each([
    'role', 'roles', 'isAdmin', 'is_admin', 'IS_ADMIN', 'superAdmin', 'permissions', 'accessLevel', 'userType',
    'balance', 'walletBalance', 'credits', 'emailVerified', 'isVerified', 'status', 'paymentStatus', 'isPublish',
    'isPublished', 'approved', 'isBanned', 'plan', 'tier', 'isPaid',
    'userId', 'ownerId', 'author_id', 'createdBy', 'user', 'tenantId',
  ])('%s is a column a client must not set', (name) => {
    expect(isPrivilegedColumnName(name)).toBe(true);
  });

  it.each([
    // catalog fields an admin edits, and the visibility toggle that comes with them
    'title', 'image', 'isActive', 'enabled', 'price', 'position', 'href', 'categoryId', 'brandId', 'productId',
    // an address's province is not an account state; a list of users who used a code is not an owner
    'state', 'city', 'postalCode', 'userIdUsed', 'username', 'userAgent',
  ])('%s is an ordinary column', (name) => {
    expect(isPrivilegedColumnName(name)).toBe(false);
  });
});

describe('isOwnerColumnName', () => {
  it('names whose record it is, not what it is about', () => {
    expect(['userId', 'ownerIds', 'authorUserId', 'created_by', 'owner'].map(isOwnerColumnName)).toEqual([true, true, true, true, true]);
    expect(['productId', 'role', 'userName', 'id'].map(isOwnerColumnName)).toEqual([false, false, false, false]);
  });
});
