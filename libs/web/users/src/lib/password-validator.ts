import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { passwordProblem } from '@crm/shared/domain';

/** The domain's password rule as a form validator: `{ password: 'too_short' | 'same_as_username' }`. */
export function passwordValidator(username: () => string): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const problem = passwordProblem(control.value ?? '', username());
    return problem ? { password: problem } : null;
  };
}
