import {
  EXPORT_FORMATS,
  ExportFormat,
  ExportLang,
  ExportRaw,
  OptionalDateString,
  OptionalIn,
  OptionalText,
  OptionalUuid,
  PageQueryDto,
} from '@crm/api/http';
import {
  CLOCK_OUTCOMES,
  CLOCK_STATES,
  ClockOutcome,
  ClockState,
  COMPLAINT_TOPICS,
  DisplayLanguage,
  SATISFACTION_SCORES,
  SERVICE_REQUEST_TOPICS,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_SORTS,
  WORK_ORDER_STATES,
  WORK_ORDER_TYPES,
  WorkOrderChannel,
  WorkOrderState,
  WorkOrderTopic,
  WorkOrderType,
} from '@crm/shared/domain';

/** The filters of `GET /api/requests` and its export. */
export class WorkOrderQueryDto extends PageQueryDto {
  @OptionalIn(WORK_ORDER_STATES)
  state?: WorkOrderState;

  @OptionalIn(WORK_ORDER_TYPES)
  type?: WorkOrderType;

  @OptionalIn(WORK_ORDER_CHANNELS)
  channel?: WorkOrderChannel;

  @OptionalIn([...COMPLAINT_TOPICS, ...SERVICE_REQUEST_TOPICS])
  topic?: WorkOrderTopic;

  @OptionalIn(CLOCK_STATES, { description: "The order's sla (the worse of its clocks)" })
  sla?: ClockState;

  @OptionalUuid() customerId?: string;

  @OptionalUuid('The owner (the account manager, or the recorder)')
  managerId?: string;

  @OptionalDateString('Received from (inclusive): a time, or a date meaning its midnight in China')
  from?: string;

  @OptionalDateString('Received before (exclusive): a time, or a date meaning its midnight in China')
  to?: string;

  @OptionalText(100, 'Part of the summary or customer name, an account number or an external number')
  q?: string;

  @OptionalIn(['true', 'false'], { description: 'true: escalated orders only' })
  escalated?: 'true' | 'false';

  @OptionalIn(['true', 'false'], { description: 'true: orders not closed only; false: closed ones' })
  open?: 'true' | 'false';

  @OptionalText(50, "The customer's region")
  region?: string;

  @OptionalIn(['true', 'false'], { description: 'true: orders with a contradicting callback only' })
  contradicted?: 'true' | 'false';

  @OptionalIn(CLOCK_OUTCOMES, {
    description: 'The contact clock: met (stopped in time), late (stopped late or running overdue), pending',
  })
  contactClock?: ClockOutcome;

  @OptionalIn(CLOCK_OUTCOMES, { description: "The current period's resolution clock, as contactClock" })
  resolutionClock?: ClockOutcome;

  @OptionalIn(SATISFACTION_SCORES, { description: "The last callback's satisfaction" })
  satisfaction?: (typeof SATISFACTION_SCORES)[number];

  @OptionalIn(['true', 'false'], { description: 'true: orders with a callback satisfaction only' })
  rated?: 'true' | 'false';

  @OptionalIn(['true', 'false'], { description: 'true: orders urged at least once (repeat contacts)' })
  urged?: 'true' | 'false';

  @OptionalIn(WORK_ORDER_SORTS, { default: '-receivedAt' })
  sort = '-receivedAt';
}

/** `GET /api/requests/export`: the list's filters, the file format and the language of headers and names. */
export class WorkOrderExportDto extends WorkOrderQueryDto {
  @OptionalIn(EXPORT_FORMATS, { default: 'csv' })
  format: ExportFormat = 'csv';

  @ExportLang() lang?: DisplayLanguage;
  @ExportRaw() raw?: boolean;
}
