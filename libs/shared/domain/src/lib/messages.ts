/**
 * Message codes: every text the API gives a person to read (error bodies, error details, import row errors,
 * trigger reasons of tasks) carries a stable `code` and its `params` besides its English text. The web app
 * renders `messages.<code>` in the reader's language (ngx-translate interpolates the params). This list is
 * the one place the codes live: the translation test checks each has a zh-CN and an English text.
 */
export const MESSAGE_CODES = [
  // The error body, by HTTP status.
  'error.badRequest',
  'error.unauthorized',
  'error.forbidden',
  'error.notFound',
  'error.conflict',
  'error.payloadTooLarge',
  'error.unsupportedMediaType',
  'error.unprocessable',
  'error.tooManyRequests',
  'error.internal',
  'error.unavailable',
  // A detail no more specific code names: its English message is a parameter.
  'field.invalid',
  'field.required',
  'field.taken',
  'field.notNul',
  'field.tooDeep',
  'field.notValid',
  'field.wholeNumber',
  // class-validator constraints, by constraint name.
  'validation.whitelistValidation',
  'validation.isString',
  'validation.maxLength',
  'validation.minLength',
  'validation.isLength',
  'validation.min',
  'validation.max',
  'validation.isIn',
  'validation.isInt',
  'validation.isNumber',
  'validation.isNumberWithPlaces',
  'validation.isDateString',
  'validation.isIso8601',
  'validation.matches',
  'validation.isObject',
  'validation.isUuid',
  'validation.isNotEmpty',
  'validation.isArray',
  'validation.isBoolean',
  'validation.arrayMaxSize',
  'validation.arrayMinSize',
  'validation.isEmail',
  'validation.nestedValidation',
  'validation.isMainlandPhone',
  // Domain rules.
  'creditCode.length',
  'creditCode.shape',
  'creditCode.check',
  'phone.format',
  // Rules of the services and the domain, one code per rule.
  'field.sort',
  'moment.inFuture',
  'period.month',
  'period.closedMonth',
  'period.notFuture',
  'period.toAfterFrom',
  'manager.notActive',
  'industry.unknown',
  'customer.managerByRole',
  'customer.managerRequired',
  'user.takeOverRequired',
  'user.takeOverManager',
  'password.tooShort',
  'password.sameAsUsername',
  'segment.onlyStatic',
  'segment.onlyDynamic',
  'segment.dynamicMembers',
  'segment.idsOrAccountNos',
  'segment.unknownCustomer',
  'segment.managerId',
  'segment.unknownField',
  'segment.unknownOperator',
  'segment.valueAbsent',
  'segment.range',
  'segment.rangeOrder',
  'segment.node',
  'segment.tooManyConditions',
  'segment.emptyGroup',
  'workOrder.complaintTopic',
  'workOrder.requestTopic',
  'workOrder.noTopic',
  'workOrder.beforeReceived',
  'workOrder.beforeContact',
  'workOrder.beforeResult',
  'workOrder.contactFirst',
  'workOrder.complaintCause',
  'workOrder.complaintAccountability',
  'workOrder.wholeMinutes',
  'workOrder.externalRefTaken',
  'lifecycle.capacityRequired',
  'lifecycle.requestedCapacityRequired',
  'lifecycle.beforeStepStart',
  'kpi.ratio',
  'kpi.score',
  'kpi.notNegative',
  'scoring.weight',
  'scoring.unknownFactor',
  'scoring.weightSum',
  'scoring.threshold',
  'scoring.thresholdOrder',
  'audit.unknownParameter',
  'audit.tariffs',
  'audit.note',
  'servicePlan.recurrence',
  'servicePlan.services',
  'servicePlan.service',
  'servicePlan.key',
  'servicePlan.keyRepeated',
  'servicePlan.enrolled',
  'outage.endsAfterStart',
  'calendar.unknownYear',
  'holidayNotice.unreadable',
  'holidayNotice.invalidDate',
  'holidayNotice.wrongWeekday',
  'holidayNotice.otherYear',
  'holidayNotice.wrongCount',
  'holidayNotice.workdayNotWeekend',
  'holidayNotice.duplicate',
  'holidayNotice.empty',
  // Import row errors.
  'import.required',
  'import.minLength',
  'import.maxLength',
  'import.number',
  'import.decimals',
  'import.moreThan',
  'import.atLeast',
  'import.notNegative',
  'import.atMost',
  'import.oneOf',
  'import.date',
  'import.month',
  'import.moment',
  'import.inFuture',
  'import.repeatsKey',
  'import.unknownAccountNo',
  'import.accountNoDigits',
  'import.beforePeriod',
  'import.noBillToPay',
  'import.closedCustomer',
  'import.unknownIndustry',
  'import.capacityRequired',
  'import.managerRequired',
  'import.notActiveManager',
  'import.notCurrentManager',
  'import.unknownChannel',
  'import.unknownType',
  'import.topicRequired',
  'import.unknownTopic',
  'import.topicNotOfType',
  'import.notAColumn',
  'import.columnTwice',
  'import.columnMissing',
  'import.badFile',
  'import.refused',
  // Reasons of tasks the daily job makes on its own.
  'trigger.consumptionDrop',
  'trigger.zeroConsumption',
  'trigger.ratingFall',
  'trigger.overdueStep',
  // Seeded texts: plan template descriptions and scoring model notes, until someone writes their own.
  'plan.vipAnnual',
  'plan.importantSafety',
  'plan.arrearsRisk',
  'plan.firstYear',
  'model.first',
] as const;

export type MessageCode = (typeof MESSAGE_CODES)[number];

/** The values a message's text interpolates (`{{name}}` in the translations). */
export type MessageParams = Record<string, string | number>;

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && (MESSAGE_CODES as readonly string[]).includes(code);
}

/** A text the API gives a person to read: its English message, and its message code and params when it has them. */
export interface CodedText {
  message: string;
  code?: MessageCode | string | null;
  params?: MessageParams | null;
}

/** What renders an i18n key with params in the current language (ngx-translate's TranslateService is one). */
export interface MessageTranslator {
  instant(key: string, params?: MessageParams): unknown;
  getCurrentLang(): string;
}

/** The i18n key of a message code: `messages.<code>`. */
export const messageI18nKey = (code: string) => `messages.${code}`;

/** Numbers of the params formatted for `lang` (thousands separators), the rest as they are. */
export function formatMessageParams(params: MessageParams | null | undefined, lang: string): MessageParams {
  const format = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number' ? format.format(value) : value,
    ]),
  );
}

/** The text of `text` in the current language: `messages.<code>` with its params, or its message when the code is unknown. */
export function messageText(translate: MessageTranslator, text: CodedText): string {
  if (!text.code) return text.message;
  const key = messageI18nKey(text.code);
  const translated = translate.instant(key, formatMessageParams(text.params, translate.getCurrentLang()));
  return translated === key || typeof translated !== 'string' ? text.message : translated;
}
