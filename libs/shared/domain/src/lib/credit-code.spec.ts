import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91330000142911633Q'])('accepts the real code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character, with 31 mapped to 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    // A body whose weighted sum is a multiple of 31 gets check character 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects a code whose check character is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
  });

  it('rejects the wrong length, lower case and the letters GB 32100 leaves out', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 characters/);
    expect(creditCodeProblem('91350100m000100Y43')).toMatch(/capital letters/);
    expect(creditCodeProblem('91350100M00010OY43')).toMatch(/capital letters/);
    expect(creditCodeProblem('9135010AM000100Y43')).toMatch(/region code/);
  });
});
