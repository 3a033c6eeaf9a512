import { HttpErrorResponse } from '@angular/common/http';
import { SaveAction } from './save-action';

const refused = new HttpErrorResponse({
  status: 409,
  error: {
    statusCode: 409,
    error: 'Conflict',
    message: 'Changed meanwhile',
    details: [{ field: 'version', message: 'old' }],
  },
});

describe('SaveAction', () => {
  it('is saving while the request runs, and resolves true when it worked', async () => {
    const action = new SaveAction();
    let seen = false;
    const ok = await action.run(async () => {
      seen = action.saving();
    });
    expect(seen).toBe(true);
    expect(ok).toBe(true);
    expect(action.saving()).toBe(false);
    expect(action.error()).toBeNull();
  });

  it("shows the API's refusal, calls failed with it, and resolves false", async () => {
    const action = new SaveAction();
    const failed = jest.fn();
    const ok = await action.run(() => Promise.reject(refused), failed);
    expect(ok).toBe(false);
    expect(action.saving()).toBe(false);
    expect(action.error()).toEqual({ message: 'Changed meanwhile', details: [{ field: 'version', message: 'old' }] });
    expect(failed).toHaveBeenCalledWith(refused);
  });

  it('clears the last error when it runs again', async () => {
    const action = new SaveAction();
    await action.run(() => Promise.reject(refused));
    await action.run(() => Promise.resolve());
    expect(action.error()).toBeNull();
  });
});
