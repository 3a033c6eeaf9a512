import { dateTimeText, ExportField } from '@crm/api/http';
import { ClockState, DisplayLanguage, WorkOrderState } from '@crm/shared/domain';
import { WorkOrderExportRow } from './work-orders.repository';

const STATE_NAMES: Record<WorkOrderState, Record<DisplayLanguage, string>> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  handled: { 'zh-CN': '已处理待回访', en: 'Handled' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  reopened: { 'zh-CN': '重新处理', en: 'Reopened' },
};

const SLA_NAMES: Record<ClockState, Record<DisplayLanguage, string>> = {
  on_time: { 'zh-CN': '正常', en: 'On time' },
  warning: { 'zh-CN': '预警', en: 'Warning' },
  overdue: { 'zh-CN': '超时', en: 'Overdue' },
  stopped_on_time: { 'zh-CN': '按时完成', en: 'Done on time' },
  stopped_late: { 'zh-CN': '超时完成', en: 'Done late' },
};

const YES_NO: Record<DisplayLanguage, Record<string, string>> = {
  'zh-CN': { true: '是', false: '否' },
  en: { true: 'Yes', false: 'No' },
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const yesNo = (value: string | number, lang: DisplayLanguage) => YES_NO[lang][String(value)];

/**
 * The columns of the requests export: raw, the list's field names (WorkOrderListItem) with codes and ISO
 * timestamps; readable, headers and names in the export's language (the reference tables' names, which the
 * query reads in that language) and times in China time.
 */
export const WORK_ORDER_EXPORT: readonly ExportField<WorkOrderExportRow>[] = [
  { key: 'receivedAt', zh: '受理时间', en: 'Received', raw: (r) => iso(r.received_at), text: dateTimeText },
  { key: 'accountNo', zh: '户号', en: 'Account number', raw: (r) => r.account_no },
  { key: 'customerName', zh: '客户名称', en: 'Customer', raw: (r) => r.customer_name },
  { key: 'channel', zh: '渠道', en: 'Channel', raw: (r) => r.channel, text: (_, __, r) => r.channel_name },
  { key: 'externalRef', zh: '外部工单号', en: 'External number', raw: (r) => r.external_ref },
  { key: 'type', zh: '类型', en: 'Type', raw: (r) => r.type, text: (_, __, r) => r.type_name },
  { key: 'topic', zh: '主题', en: 'Topic', raw: (r) => r.topic, text: (_, __, r) => r.topic_name ?? '' },
  { key: 'summary', zh: '内容', en: 'Summary', raw: (r) => r.summary },
  { key: 'state', zh: '状态', en: 'State', raw: (r) => r.state, text: (_, lang, r) => STATE_NAMES[r.state][lang] },
  { key: 'owner', zh: '责任人', en: 'Owner', raw: (r) => r.owner_name },
  { key: 'contactDueAt', zh: '联系时限', en: 'Contact due', raw: (r) => iso(r.contact_due_at), text: dateTimeText },
  { key: 'contactedAt', zh: '联系时间', en: 'Contacted', raw: (r) => iso(r.contacted_at), text: dateTimeText },
  {
    key: 'resolveDueAt',
    zh: '办结时限',
    en: 'Resolution due',
    raw: (r) => iso(r.resolution_due_at),
    text: dateTimeText,
  },
  { key: 'handledAt', zh: '处理时间', en: 'Handled', raw: (r) => iso(r.handled_at), text: dateTimeText },
  { key: 'sla', zh: '时限状态', en: 'Time limit', raw: (r) => r.sla, text: (_, lang, r) => SLA_NAMES[r.sla][lang] },
  { key: 'urgeCount', zh: '催办次数', en: 'Urges', raw: (r) => r.urges },
  { key: 'satisfaction', zh: '满意度', en: 'Satisfaction', raw: (r) => r.satisfaction },
  {
    key: 'escalated',
    zh: '升级',
    en: 'Escalated',
    raw: (r) => String(r.escalated_at !== null),
    text: yesNo,
  },
  {
    key: 'contradicted',
    zh: '回访矛盾',
    en: 'Contradicted',
    raw: (r) => String(r.contradicted_at !== null),
    text: yesNo,
  },
];
