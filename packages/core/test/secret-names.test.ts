import { describe, expect, it } from 'vitest';
import { isConnectionStringName, isConstantLabel, isSecretName } from '../src/vocabulary/secret-names.js';

/** Names that hold a secret value, each with why. */
const SECRET_NAMES: readonly (readonly [string, string])[] = [
  ['password', 'the word itself'],
  ['PASSWORD', 'upper case'],
  ['userPassword', 'camelCase with the secret as head'],
  ['user_password', 'snake_case'],
  ['DB_PASSWORD', 'environment variable'],
  ['newPassword', 'new value of a password'],
  ['confirmPassword', 'confirmation field of a signup form'],
  ['currentPassword', 'change-password form'],
  ['inputPassword', '`input` only qualifies LLM tokens'],
  ['password2', 'trailing digits are dropped'],
  ['passwordConfirmation', 'value-form suffix'],
  ['passwordHash', 'a stored hash is crackable'],
  ['authTokenFromHeaders', 'where the value came from does not change it'],
  ['apiKeyInQuery', 'a key read off the query string'],
  ['password_hash', 'snake_case hash column'],
  ['hashedPassword', '`hashed` describes the value, not a function'],
  ['passwordDigest', 'Rails-style digest column'],
  ['passwd', 'Unix spelling'],
  ['newpsw', 'an abbreviation teams write (`oldpsw`, `newpsw`)'],
  ['passphrase', 'key passphrase'],
  ['dbPass', '`pass` as the head of a compound name'],
  ['SMTP_PASS', 'nodemailer-style environment variable'],
  ['secret', 'the word itself'],
  ['clientSecret', 'OAuth client secret'],
  ['client_secret', 'OAuth client secret, snake_case'],
  ['jwtSecret', 'JWT signing secret'],
  ['JWT_SECRET', 'environment variable'],
  ['NEXTAUTH_SECRET', 'environment variable with a glued prefix'],
  ['sessionSecret', 'express-session secret'],
  ['webhookSecret', 'webhook signing secret'],
  ['secretKey', 'pair `secret key`'],
  ['STRIPE_SECRET_KEY', 'pair in an environment variable'],
  ['secretKeyBase', 'Rails secret_key_base'],
  ['secretAccessKey', 'AWS secret access key'],
  ['AWS_SECRET_ACCESS_KEY', 'AWS environment variable'],
  ['token', 'the word itself'],
  ['tokens', 'plural'],
  ['userToken', 'from the issue'],
  ['accessToken', 'OAuth access token'],
  ['refresh_token', 'OAuth refresh token, snake_case'],
  ['refreshToken', '`refresh` is no verb prefix here'],
  ['idToken', '`id` before the head does not make it an id'],
  ['id_token', 'OIDC id token'],
  ['resetToken', 'password reset token'],
  ['passwordResetToken', 'two secret words, token is the head'],
  ['resetPasswordToken', '`reset` is no qualifier'],
  ['csrfToken', 'per-session secret'],
  ['authToken', 'auth token'],
  ['x-auth-token', 'header name'],
  ['x-access-token', 'header name'],
  ['TWILIO_AUTH_TOKEN', 'environment variable'],
  ['tokenValue', 'value-form suffix'],
  ['rawToken', 'raw form of a token'],
  ['shareToken', 'share link token'],
  ['bearerToken', 'bearer token'],
  ['bearer', 'the word itself'],
  ['jwt', 'a signed token'],
  ['apiKey', 'pair `api key`'],
  ['api_key', 'from the issue'],
  ['x-api-key', 'header name, from the issue'],
  ['API_KEY', 'environment variable'],
  ['OPENAI_API_KEY', 'environment variable with a vendor prefix'],
  ['apikey', 'glued spelling'],
  ['apiKeys', 'plural'],
  ['API_KEY_PROD', 'deployment suffix'],
  ['API_KEY_2', 'numbered key'],
  ['apiKeyHash', 'hash of a key'],
  ['authorization', 'the header'],
  ['Authorization', 'the header, capitalised'],
  ['authorizationHeader', 'value-form suffix `header`'],
  ['authHeader', 'pair `auth header`'],
  ['authKey', 'pair `auth key`'],
  ['authCode', 'OAuth authorization code'],
  ['authorizationCode', 'OAuth authorization code, long form'],
  ['cookie', 'the header'],
  ['cookies', 'parsed cookies'],
  ['sessionCookie', 'a session cookie'],
  ['cookieHeader', 'value-form suffix'],
  ['set-cookie', 'the response header carries the session cookie'],
  ['session', 'a session object (issue list)'],
  ['userSession', 'session as the head'],
  ['privateKey', 'pair `private key`'],
  ['private_key', 'snake_case'],
  ['PRIVATE_KEY_PEM', 'PEM-encoded form'],
  ['JWT_PRIVATE_KEY', 'environment variable'],
  ['encryptionKey', 'pair `encryption key`'],
  ['signingKey', 'pair `signing key`'],
  ['licenseKey', 'pair `license key`'],
  ['credentials', 'the word itself'],
  ['dbCredentials', 'credentials as the head'],
  ['cardNumber', 'pair `card number`'],
  ['card_number', 'snake_case'],
  ['creditCardNumber', 'three words, pair at the end'],
  ['creditCard', 'pair `credit card`'],
  ['cvv', 'card verification value'],
  ['cardCvc', 'card verification code'],
  ['ssn', 'social security number'],
  ['socialSecurityNumber', 'spelled out'],
  ['otp', 'one-time password'],
  ['otpCode', 'value-form suffix `code`'],
  ['totp', 'time-based one-time password'],
  ['verificationCode', 'pair `verification code`'],
  ['recoveryCodes', 'MFA recovery codes'],
  ['mnemonic', 'wallet mnemonic'],
  ['seedPhrase', 'wallet seed phrase'],
  ['signingsecret', 'glued lower case'],
  ['accesstoken', 'glued lower case, a localStorage key style'],
  ['dbpassword', 'glued lower case'],
];

/** Names that look secret-ish but do not hold a secret value, each with why. */
const NON_SECRET_NAMES: readonly (readonly [string, string])[] = [
  ['tokenCount', 'a count (issue list)'],
  ['expireInToken', 'an OAuth `expires_in` duration'],
  ['tokenExpiresIn', 'a lifetime'],
  ['countOfTokens', 'a count, whatever follows `of`'],
  ['maxTokens', 'an LLM limit (issue list)'],
  ['max_tokens', 'an LLM limit, snake_case'],
  ['contextTokens', 'how many LLM tokens the context takes'],
  ['lockToken', 'which holder owns a lock'],
  ['passwordMinLength', 'a policy setting (issue list)'],
  ['isPasswordValid', 'a boolean (issue list)'],
  ['hasPassword', 'a boolean (issue look-alike)'],
  ['userHasPassword', 'a qualifier in the middle'],
  ['shouldRotateToken', 'a boolean'],
  ['passwordValid', 'a boolean without prefix'],
  ['passwordMatches', 'a boolean'],
  ['passwordStrength', 'a score'],
  ['passwordChangedAt', 'a timestamp'],
  ['passwordPolicy', 'a policy object'],
  ['PASSWORD_SALT_ROUNDS', 'a bcrypt cost'],
  ['passwordResetExpires', 'an expiry date'],
  ['requirePassword', 'a flag or a function'],
  ['hashPassword', 'a function'],
  ['comparePassword', 'a function'],
  ['validatePassword', 'a function'],
  ['getToken', 'a function'],
  ['generateToken', 'a function'],
  ['verifyToken', 'a function'],
  ['setCookie', 'a function'],
  ['withCredentials', 'an axios flag'],
  ['useCredentials', 'a flag'],
  ['tokenType', 'the token kind (`Bearer`)'],
  ['token_type', 'OAuth response field'],
  ['tokenExpiresAt', 'a timestamp'],
  ['resetTokenExpiresAt', 'a timestamp'],
  ['refreshTokenExpiresIn', 'a duration'],
  ['tokenId', 'an id'],
  ['tokenVersion', 'a counter used to revoke tokens'],
  ['tokensUsed', 'a usage count'],
  ['totalTokens', 'an LLM usage count'],
  ['promptTokens', 'an LLM usage count'],
  ['input_tokens', 'an LLM usage count, snake_case'],
  ['completionTokens', 'an LLM usage count'],
  ['nextPageToken', 'a pagination cursor'],
  ['pageToken', 'a pagination cursor'],
  ['continuationToken', 'a pagination cursor'],
  ['cancellationToken', 'a cancellation handle'],
  ['recaptchaToken', 'a captcha response, single use and public'],
  ['decodedToken', 'the decoded claims, not the token'],
  ['maskedToken', 'already masked'],
  ['partialToken', 'a few characters of the token, kept to show it'],
  ['redactedPassword', 'already redacted'],
  ['tokenizer', 'a different word'],
  ['tokenPayload', 'the claims'],
  ['jwtPayload', 'the claims'],
  ['jwtExpiresIn', 'a duration'],
  ['jwtOptions', 'options'],
  ['sessionId', 'a session id (issue look-alike `session.id`)'],
  ['sessionID', 'express-session id field'],
  ['session_id', 'snake_case id'],
  ['sessionUser', 'the user of a session'],
  ['sessionStore', 'a store'],
  ['sessions', 'a table or a list of session rows'],
  ['cookieName', 'a name'],
  ['cookieParser', 'middleware'],
  ['cookieOptions', 'options'],
  ['cookieMaxAge', 'a duration'],
  ['apiKeyId', 'an id'],
  ['apiKeyName', 'a label'],
  ['apiKeyPrefix', 'a display prefix'],
  ['accessKeyId', 'AWS access key id is not the secret'],
  ['AWS_ACCESS_KEY_ID', 'AWS access key id, environment variable'],
  ['publicKey', 'public by definition'],
  ['privateKeyPath', 'a file path'],
  ['secretName', 'the name of a secret in a vault'],
  ['secretsManager', 'a client'],
  ['secretArn', 'a reference'],
  ['credentialId', 'a WebAuthn credential id'],
  ['authorizationUrl', 'an OAuth endpoint'],
  ['authorizationService', 'a class'],
  ['otpExpiresAt', 'a timestamp'],
  ['otpAttempts', 'a counter'],
  ['cardLast4', 'the last four digits are displayable'],
  ['credential', 'singular: a WebAuthn credential is a public key'],
  ['webauthnCredentials', 'WebAuthn public keys'],
  ['pass', '`pass` alone is too ambiguous'],
  ['isPass', 'a boolean'],
  ['passCount', 'a count'],
  ['bypass', 'a different word'],
  ['userId', 'an id'],
  ['email', 'not a secret by default'],
  ['key', 'too generic'],
  ['auth', 'too generic (middleware, config)'],
  ['hash', 'too generic on its own'],
  ['pagetoken', 'glued pagination cursor'],
  ['maxtokens', 'glued LLM limit'],
  ['gettoken', 'glued function name'],
  ['tokenizer', 'ends with another word'],
  ['', 'empty'],
  ['_', 'no words'],
  ['ALGOLIA_SEARCH_API_KEY', 'a search-only key, made for browsers'],
  ['stripePublishableKey', 'a publishable key'],
  ['NEXT_PUBLIC_API_KEY', 'shipped to the browser by design'],
];

describe('isSecretName', () => {
  describe('matches names that hold a secret', () => {
    for (const [name, why] of SECRET_NAMES) {
      it(`${name} (${why})`, () => {
        expect(isSecretName(name)).toBe(true);
      });
    }
  });

  describe('does not match names about a secret', () => {
    for (const [name, why] of NON_SECRET_NAMES) {
      it(`${name || '<empty>'} (${why})`, () => {
        expect(isSecretName(name)).toBe(false);
      });
    }
  });

  describe('extra words from the team', () => {
    it('adds a single word', () => {
      expect(isSecretName('pin', ['pin'])).toBe(true);
      expect(isSecretName('userEmail', ['email'])).toBe(true);
    });
    it('keeps the head rule for extra words', () => {
      expect(isSecretName('emailVerified', ['email'])).toBe(false);
      expect(isSecretName('pinLength', ['pin'])).toBe(false);
    });
    it('matches extra words case-insensitively', () => {
      expect(isSecretName('USER_PIN', ['PIN'])).toBe(true);
    });
  });
});

describe('isConnectionStringName', () => {
  const connectionStrings = ['DATABASE_URL', 'MONGO_URI', 'MONGODB_URI', 'redisUrl', 'REDIS_URL', 'PG_CONNECTION_STRING', 'connectionString', 'DB_DSN', 'AMQP_URL'];
  const others = ['APP_URL', 'SENTRY_DSN', 'baseUrl', 'DATABASE_HOST', 'DB_NAME', 'url', 'callbackUrl', 'databaseUrlPrefix'];
  for (const name of connectionStrings) {
    it(`${name} carries credentials`, () => {
      expect(isConnectionStringName(name)).toBe(true);
    });
  }
  for (const name of others) {
    it(`${name} does not`, () => {
      expect(isConnectionStringName(name)).toBe(false);
    });
  }
});

describe('isConstantLabel', () => {
  it('reads an enum member as a label', () => {
    expect(isConstantLabel('RedisInstanceType', 'SESSION')).toBe(true);
    expect(isConstantLabel('TokenKind', 'ACCESS_TOKEN')).toBe(true);
  });
  it('keeps settings and values', () => {
    expect(isConstantLabel('Config', 'JWT_SECRET')).toBe(false);
    expect(isConstantLabel('TokenType', 'accessToken')).toBe(false);
    expect(isConstantLabel('tokenType', 'SESSION')).toBe(false);
  });
});
