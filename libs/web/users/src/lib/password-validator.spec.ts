import { FormControl } from '@angular/forms';
import { passwordValidator } from './password-validator';

describe('passwordValidator', () => {
  it('reports the domain rule’s problem, against the current username', () => {
    let username = 'zhang.wei';
    const control = new FormControl('', { nonNullable: true, validators: passwordValidator(() => username) });
    expect(control.errors).toEqual({ password: 'too_short' });
    control.setValue('zhang.wei.1');
    expect(control.errors).toBeNull();
    username = 'zhang.wei.1';
    control.updateValueAndValidity();
    expect(control.errors).toEqual({ password: 'same_as_username' });
  });
});
