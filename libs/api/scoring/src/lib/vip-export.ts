import { codeName, ExportField, industryName, moneyText, regionName } from '@crm/api/http';
import { VipListEntry } from '@crm/shared/domain';

/** The columns of the VIP list's export: the list's labels (apps/web/public/i18n/scoring.*.json) and names. */
export const VIP_EXPORT: readonly ExportField<VipListEntry>[] = [
  { key: 'rank', zh: '排名', en: 'Rank', raw: (e) => e.rank },
  { key: 'accountNo', zh: '户号', en: 'Account no.', raw: (e) => e.customer.accountNo },
  { key: 'name', zh: '客户', en: 'Customer', raw: (e) => e.customer.name },
  { key: 'region', zh: '区域', en: 'Region', raw: (e) => e.customer.region, text: regionName },
  { key: 'industry', zh: '行业', en: 'Industry', raw: (e) => e.customer.industry, text: industryName },
  { key: 'manager', zh: '客户经理', en: 'Manager', raw: (e) => e.manager?.displayName ?? null },
  { key: 'score', zh: '价值分', en: 'Score', raw: (e) => e.score },
  { key: 'tier', zh: '等级', en: 'Tier', raw: (e) => e.tier, text: codeName('vipTier') },
  { key: 'previousScore', zh: '上次价值分', en: 'Previous score', raw: (e) => e.previousScore },
  { key: 'delta', zh: '较上次', en: 'Change', raw: (e) => e.delta },
  {
    key: 'revenue12Months',
    zh: '近 12 个月电费',
    en: 'Revenue, 12 months',
    raw: (e) => e.revenue12Months,
    text: moneyText,
  },
  { key: 'creditRating', zh: '信用', en: 'Credit', raw: (e) => e.creditRating, text: codeName('creditRating') },
];
