/**
 * What the body of an authenticating middleware, guard or helper does:
 * verifies a token, reads the session, or rejects with 401.
 */
export const AUTH_BODY_PATTERN =
  /\b(?:jwt\.verify|verifyToken|verify\(|jwtVerify|\w+JwtVerify\b|isAuthenticated\(|getSession|getServerSession|UNAUTHORIZED|[Uu]nauthorized|UnauthorizedException|status\(401\)|code\(401\)|401\b|passport\.authenticate|(?:req|request)\.session\.(?:user|uid\b|\w*(?:[a-z]I|_i)d\b)|authorization|verify\w*Signature\(|validate\w*Signature\(|constructEvent\(|timingSafeEqual\()/;

/** Options that tell a shared auth helper to let this call through (`parseRequest(req, schema, { skipAuth: true })`). */
export const SKIP_AUTH_OPTION = /\b(?:skipAuth|noAuth|public|allowAnonymous|optional)\s*:\s*true\b|\b(?:auth|requireAuth|authenticate)\s*:\s*false\b/;
