import { HttpErrorResponse } from '@angular/common/http';
import { StepDialog } from './step-dialog';

const refusal = (status: number) =>
  new HttpErrorResponse({ status, error: { statusCode: status, error: 'Refused', message: `refused ${status}` } });

describe('StepDialog', () => {
  it('opens a step without the last refusal', async () => {
    const dialog = new StepDialog<'rectify' | 'dismiss'>();
    dialog.open('rectify');
    await dialog.send(() => Promise.reject(refusal(400)), jest.fn());
    dialog.open('dismiss');
    expect(dialog.step()).toBe('dismiss');
    expect(dialog.action.error()).toBeNull();
  });

  it('sends the open step and closes once it worked', async () => {
    const dialog = new StepDialog<'rectify' | 'dismiss'>();
    const request = jest.fn(() => Promise.resolve());
    dialog.open('dismiss');
    expect(await dialog.send(request, jest.fn())).toBe(true);
    expect(request).toHaveBeenCalledWith('dismiss');
    expect(dialog.step()).toBeNull();
  });

  it('keeps the dialog open with the refusal, and calls changed on a 409 only', async () => {
    const dialog = new StepDialog<'rectify'>();
    const changed = jest.fn(() => Promise.resolve());
    dialog.open('rectify');
    expect(await dialog.send(() => Promise.reject(refusal(400)), changed)).toBe(false);
    expect(changed).not.toHaveBeenCalled();
    expect(await dialog.send(() => Promise.reject(refusal(409)), changed)).toBe(false);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(dialog.step()).toBe('rectify');
    expect(dialog.action.error()?.message).toBe('refused 409');
  });

  it('sends nothing while no step is open', async () => {
    const dialog = new StepDialog<'rectify'>();
    const request = jest.fn(() => Promise.resolve());
    expect(await dialog.send(request, jest.fn())).toBe(false);
    expect(request).not.toHaveBeenCalled();
  });
});
