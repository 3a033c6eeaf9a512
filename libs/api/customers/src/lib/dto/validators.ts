import { creditCodeProblem, phoneProblem } from '@crm/shared/domain';
import { Matches, registerDecorator, ValidationOptions } from 'class-validator';

function fromDomainRule(name: string, problem: (value: string) => string | null, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problem(value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? problem(args.value) : 'must be a string'}`,
      },
    });
}

/** A unified social credit code with a valid GB 32100-2015 check character. */
export const IsCreditCode = (options?: ValidationOptions) => fromDomainRule('isCreditCode', creditCodeProblem, options);

/** A mainland mobile or landline number. */
export const IsMainlandPhone = (options?: ValidationOptions) =>
  fromDomainRule('isMainlandPhone', phoneProblem, options);

/** Text with at least one character that is not white space: a name of spaces is no name. */
export const IsNotBlank = () => Matches(/\S/, { message: '$property must not be blank' });
