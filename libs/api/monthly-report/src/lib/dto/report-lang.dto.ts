import { OptionalIn } from '@crm/api/http';
import { ReportLang } from '@crm/shared/domain';

/** `GET /api/kpis/reports/:period/xlsx?lang=`: the workbook's language (Chinese unless asked otherwise). */
export class ReportLangDto {
  @OptionalIn(['zh-CN', 'en'], { default: 'zh-CN' })
  lang: ReportLang = 'zh-CN';
}
