import { ExportColumn } from '@crm/api/http';
import { ClockState, WorkOrderState } from '@crm/shared/domain';
import { WorkOrderExportRow } from './work-orders.repository';

type Lang = 'zh-CN' | 'en';

const STATE_NAMES: Record<WorkOrderState, Record<Lang, string>> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  handled: { 'zh-CN': '已处理待回访', en: 'Handled' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  reopened: { 'zh-CN': '重新处理', en: 'Reopened' },
};

const SLA_NAMES: Record<ClockState, Record<Lang, string>> = {
  on_time: { 'zh-CN': '正常', en: 'On time' },
  warning: { 'zh-CN': '预警', en: 'Warning' },
  overdue: { 'zh-CN': '超时', en: 'Overdue' },
  stopped_on_time: { 'zh-CN': '按时完成', en: 'Done on time' },
  stopped_late: { 'zh-CN': '超时完成', en: 'Done late' },
};

const YES_NO: Record<Lang, [string, string]> = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The columns of the requests export, headers and names in `lang` (codes are never shown). */
export function workOrderExportColumns(lang: Lang): ExportColumn<WorkOrderExportRow>[] {
  const yesNo = (value: boolean) => YES_NO[lang][value ? 0 : 1];
  const columns: [string, string, ExportColumn<WorkOrderExportRow>['value']][] = [
    ['受理时间', 'Received', (r) => iso(r.received_at)],
    ['户号', 'Account number', (r) => r.account_no],
    ['客户名称', 'Customer', (r) => r.customer_name],
    ['渠道', 'Channel', (r) => r.channel_name],
    ['外部工单号', 'External number', (r) => r.external_ref],
    ['类型', 'Type', (r) => r.type_name],
    ['主题', 'Topic', (r) => r.topic_name],
    ['内容', 'Summary', (r) => r.summary],
    ['状态', 'State', (r) => STATE_NAMES[r.state][lang]],
    ['责任人', 'Owner', (r) => r.owner_name],
    ['联系时限', 'Contact due', (r) => iso(r.contact_due_at)],
    ['联系时间', 'Contacted', (r) => iso(r.contacted_at)],
    ['办结时限', 'Resolution due', (r) => iso(r.resolution_due_at)],
    ['处理时间', 'Handled', (r) => iso(r.handled_at)],
    ['时限状态', 'Time limit', (r) => SLA_NAMES[r.sla][lang]],
    ['催办次数', 'Urges', (r) => r.urges],
    ['满意度', 'Satisfaction', (r) => r.satisfaction],
    ['升级', 'Escalated', (r) => yesNo(r.escalated_at !== null)],
    ['回访矛盾', 'Contradicted', (r) => yesNo(r.contradicted_at !== null)],
  ];
  return columns.map(([zh, en, value]) => ({ header: lang === 'en' ? en : zh, value }));
}
