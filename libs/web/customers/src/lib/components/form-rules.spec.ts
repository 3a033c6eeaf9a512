import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { applyServerErrors, creditCodeValidator, errorMessage, phoneValidator } from './form-rules';

describe('customer form rules', () => {
  it('checks the credit code with the API’s rule, naming the problem', () => {
    expect(creditCodeValidator(new FormControl('91350100M000100Y43'))).toBeNull();
    expect(creditCodeValidator(new FormControl('91350100M000100Y44'))).toEqual({
      creditCode: expect.stringMatching(/check character/),
    });
    expect(creditCodeValidator(new FormControl(''))).toBeNull();
  });

  it('checks phones with the API’s rule', () => {
    expect(phoneValidator(new FormControl('0577-88881234'))).toBeNull();
    expect(phoneValidator(new FormControl('12345'))).toEqual({ phone: expect.any(String) });
  });

  it('puts server details on the matching controls, nested ones included, and returns the rest', () => {
    const form = new FormGroup({
      name: new FormControl('x'),
      contacts: new FormArray([new FormGroup({ phone: new FormControl('1') })]),
    });
    const rest = applyServerErrors(form, [
      { field: 'name', message: 'name must be longer than or equal to 2 characters' },
      { field: 'contacts.0.phone', message: 'phone is bad' },
      { field: 'managerId', message: 'managerId is required' },
    ]);
    expect(form.get('name')?.errors).toEqual({ server: 'name must be longer than or equal to 2 characters' });
    expect(form.get('contacts.0.phone')?.errors).toEqual({ server: 'phone is bad' });
    expect(rest).toEqual([{ field: 'managerId', message: 'managerId is required' }]);
  });

  it('words the first error of a control', () => {
    const t = (key: string, params?: object) => `${key}${params ? JSON.stringify(params) : ''}`;
    const required = new FormControl('', Validators.required);
    expect(errorMessage(required, t)).toBe('customerForm.errors.required');
    const short = new FormControl('a', Validators.minLength(2));
    expect(errorMessage(short, t)).toBe('customerForm.errors.minLength{"n":2}');
    expect(errorMessage(new FormControl('ok'), t)).toBe('');
  });
});
