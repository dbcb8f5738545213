import { describe, expect, it } from 'vitest';
import { isSensitiveColumnName, isUserModelName, isUserRelationName, namesPassword } from '../src/vocabulary/orm-calls.js';

describe('isUserModelName', () => {
  it.each(['user', 'User', 'users', 'UserModel', 'usersRepository', 'AppUser', 'AdminUser', 'user_accounts', 'customers', 'UserEntity'])(
    '%s names people or their accounts',
    (name) => expect(isUserModelName(name)).toBe(true),
  );
  it.each(['post', 'Post', 'TeamMember', 'member', 'teamUser', 'BankAccount', 'UserSettings', 'tag', 'profile', 'Session', 'userRole', 'Client', 'Owner', 'Employee', ''])(
    '%s does not',
    (name) => expect(isUserModelName(name)).toBe(false),
  );
});

describe('isUserRelationName', () => {
  it.each(['author', 'user', 'owner', 'createdBy', 'customer', 'UserModel'])('%s pulls a person in', (name) =>
    expect(isUserRelationName(name)).toBe(true),
  );
  it.each(['tags', 'members', 'comments', 'authorId', 'userId', 'category', 'ownerName'])('%s does not', (name) =>
    expect(isUserRelationName(name)).toBe(false),
  );
});

describe('isSensitiveColumnName', () => {
  it.each(['password', 'passwordHash', 'hash', 'salt', 'resetToken', 'totpSecret', 'apiKey', 'refresh_token'])('%s is sensitive', (name) =>
    expect(isSensitiveColumnName(name)).toBe(true),
  );
  it.each(['email', 'name', 'passwordChangedAt', 'tokenVersion', 'sessionId', 'hashtag'])('%s is not', (name) =>
    expect(isSensitiveColumnName(name)).toBe(false),
  );
  it('takes a team word', () => expect(isSensitiveColumnName('pin', ['pin'])).toBe(true));
});

describe('namesPassword', () => {
  it('knows the password and what it is stored as, not the tokens issued later to reset it', () => {
    for (const name of ['password', 'passwordHash', 'hashed_password', 'salt', 'passcode']) expect(namesPassword(name), name).toBe(true);
    for (const name of ['resetPasswordToken', 'passwordResetCode', 'apiKey', 'email']) expect(namesPassword(name), name).toBe(false);
  });
});
