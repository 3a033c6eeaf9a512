import { computed, inject, Injectable, signal } from '@angular/core';
import { WorkOrderReference } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { codeName } from './order-rules';
import { WorkOrdersApi } from './work-orders.api';

/** Names of channels, types and topics in the language shown, from the API's reference data. */
@Injectable({ providedIn: 'root' })
export class WorkOrderNames {
  private readonly api = inject(WorkOrdersApi);
  private readonly language = inject(LanguageService);
  readonly reference = signal<WorkOrderReference | null>(null);
  readonly zh = computed(() => this.language.current() === 'zh-CN');

  constructor() {
    void this.api.reference().then((r) => this.reference.set(r));
  }

  channel(code: string | null): string | null {
    return codeName(this.reference()?.channels, code, this.zh());
  }

  type(code: string | null): string | null {
    return codeName(this.reference()?.types, code, this.zh());
  }

  topic(code: string | null): string | null {
    return codeName(this.reference()?.topics, code, this.zh());
  }

  /** The reference list as select options in the language shown. */
  options(kind: 'channels' | 'types' | 'topics'): { value: string; label: string }[] {
    return (this.reference()?.[kind] ?? []).map((c) => ({ value: c.code, label: this.zh() ? c.nameZh : c.nameEn }));
  }
}
