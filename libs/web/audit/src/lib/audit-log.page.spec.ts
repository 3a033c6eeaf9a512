import { statusColour } from './audit-log.page';

describe('statusColour', () => {
  it('colours successes green, client errors orange and server errors red', () => {
    expect(statusColour(201)).toBe('green');
    expect(statusColour(409)).toBe('orange');
    expect(statusColour(500)).toBe('red');
  });
});
