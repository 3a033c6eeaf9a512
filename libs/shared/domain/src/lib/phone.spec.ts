import { isValidPhone, phoneProblem } from './phone';

describe('contact phone', () => {
  it.each([
    '13812345678',
    '19957712345',
    '0577-88881234',
    '057788881234',
    '010-12345678',
    '0577-8888123',
    '0577-88881234-801',
  ])('accepts %s', (phone) => expect(isValidPhone(phone)).toBe(true));

  it.each(['12812345678', '1381234567', '138123456789', '577-88881234', '0577-0888123', '+8613812345678', 'abc', ''])(
    'rejects %s',
    (phone) => expect(phoneProblem(phone)).not.toBeNull(),
  );
});
