import { AbstractControl, FormArray, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { creditCodeProblem, ErrorDetail, phoneProblem } from '@crm/shared/domain';

/** A validator from a domain rule that returns the problem in words (or null): `{ rule: problem }`. */
function fromRule(rule: string, problem: (value: string) => string | null): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = control.value as string;
    if (!value) return null; // `required` speaks for empty fields
    const found = problem(value);
    return found ? { [rule]: found } : null;
  };
}

/** The same credit-code rule as the API (GB 32100-2015 check character). */
export const creditCodeValidator = fromRule('creditCode', creditCodeProblem);

/** The same phone rule as the API (mainland mobile or landline). */
export const phoneValidator = fromRule('phone', phoneProblem);

/** The control at a server field path such as `contacts.0.phone`, if the form has one. */
export function controlAt(form: FormGroup, path: string): AbstractControl | null {
  let control: AbstractControl | null = form;
  for (const part of path.split('.')) {
    if (control instanceof FormGroup) control = control.controls[part] ?? null;
    else if (control instanceof FormArray) control = control.at(Number(part)) ?? null;
    else return null;
  }
  return control;
}

/**
 * Puts the server's `details` on the matching controls (error key `server`, the server's message),
 * so they show inline like the form's own messages. Returns the details no control matched.
 */
export function applyServerErrors(form: FormGroup, details: ErrorDetail[]): ErrorDetail[] {
  const unmatched: ErrorDetail[] = [];
  for (const detail of details) {
    const control = controlAt(form, detail.field);
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.message });
      control.markAsTouched();
    } else {
      unmatched.push(detail);
    }
  }
  return unmatched;
}

/** The message to show for a control's first error. `t` translates the keys of the form's own rules. */
export function errorMessage(control: AbstractControl | null, t: (key: string, params?: object) => string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (errors['server']) return errors['server'];
  if (errors['required']) return t('customerForm.errors.required');
  if (errors['creditCode']) return `${t('customerForm.errors.creditCode')} (${errors['creditCode']})`;
  if (errors['phone']) return t('customerForm.errors.phone');
  if (errors['email']) return t('customerForm.errors.email');
  if (errors['pattern']) return t('customerForm.errors.accountNo');
  if (errors['minlength']) return t('customerForm.errors.minLength', { n: errors['minlength'].requiredLength });
  if (errors['maxlength']) return t('customerForm.errors.maxLength', { n: errors['maxlength'].requiredLength });
  if (errors['min']) return t('customerForm.errors.min', { n: errors['min'].min });
  return t('customerForm.errors.invalid');
}
