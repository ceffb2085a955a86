/**
 * A small list of the most common passwords (lower case), refused whatever their length or mix.
 * Short entries are kept too: the policy compares the whole password and also the password with
 * trailing digits and symbols removed, so `Password123456!` is caught through `password`.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456', 'password', '12345678', 'qwerty', '123456789', '12345', '1234', '111111', '1234567',
  'dragon', '123123', 'baseball', 'abc123', 'football', 'monkey', 'letmein', '696969', 'shadow',
  'master', '666666', 'qwertyuiop', '123321', 'mustang', '1234567890', 'michael', '654321',
  'superman', '1qaz2wsx', '7777777', '121212', '000000', 'qazwsx', '123qwe', 'killer', 'trustno1',
  'jordan', 'jennifer', 'zxcvbnm', 'asdfgh', 'hunter', 'buster', 'soccer', 'harley', 'batman',
  'andrew', 'tigger', 'sunshine', 'iloveyou', '2000', 'charlie', 'robert', 'thomas', 'hockey',
  'ranger', 'daniel', 'starwars', 'klaster', '112233', 'george', 'computer', 'michelle', 'jessica',
  'pepper', '1111', 'zxcvbn', '555555', '11111111', '131313', 'freedom', '777777', 'pass', 'maggie',
  '159753', 'aaaaaa', 'ginger', 'princess', 'joshua', 'cheese', 'amanda', 'summer', 'love',
  'ashley', 'nicole', 'chelsea', 'biteme', 'matthew', 'access', 'yankees', '987654321', 'dallas',
  'austin', 'thunder', 'taylor', 'matrix', 'mobilemail', 'mom', 'monitor', 'monitoring', 'montana',
  'moon', 'moscow', 'welcome', 'welcome1', 'welcome123', 'admin', 'admin123', 'administrator',
  'root', 'toor', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password1', 'password12', 'password123',
  'password1234', 'password!', 'qwerty123', 'qwerty1234', 'qwertyuiop123', 'qwerty123456',
  '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsx', 'zaq1zaq1', 'qazwsxedc', 'qazwsxedc123',
  'asdfghjkl', 'asdfghjkl123', 'zxcvbnm123', 'iloveyou123', 'letmein123', 'abc12345',
  'abcd1234', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'changeme', 'changeme123',
  'default', 'guest', 'secret', 'secret123', 'test', 'test123', 'test1234', 'testing', 'testing123',
  'login', 'user', 'demo', 'support', 'support123', 'helpdesk', 'customer', 'service', 'quimbi',
  'quimbi123', 'company', 'company123', 'office', 'spring', 'autumn', 'winter', 'winter2024',
  'summer2024', 'spring2024', 'autumn2024', 'winter2025', 'summer2025', 'spring2025', 'autumn2025',
  'winter2026', 'summer2026', 'spring2026', 'autumn2026', 'january', 'february', 'december',
  'football123', 'baseball123', 'superman123', 'batman123', 'princess123', 'sunshine123',
  'monkey123', 'dragon123', 'master123', 'shadow123', 'michael123', 'charlie123', 'liverpool',
  'arsenal', 'chelsea123', 'manchester', 'barcelona', 'internet', 'whatever', 'trustno1trustno1',
  'correcthorsebatterystaple', 'iloveyouforever', 'letmeinplease', 'passwordpassword',
  'qwertyqwerty', '123456123456', '123123123', '123456654321', '1234512345', '0987654321',
  '11223344', '147258369', '159357', '741852963', 'a1b2c3d4', 'aa123456', 'q1w2e3r4', 'q1w2e3r4t5',
];
