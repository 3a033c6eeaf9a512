import { ApplicationListItem } from '@crm/shared/domain';
import { TableColumn } from '@crm/web/ui';

type ApplicationColumn = 'type' | 'status' | 'currentStep' | 'dueDate' | 'daysOverdue' | 'sla' | 'receivedAt';

/** The columns both application lists show; the `sla` cell is the page's own (an SLA tag while open). */
export function applicationColumns(zh: () => boolean): Record<ApplicationColumn, TableColumn<ApplicationListItem>> {
  return {
    type: { key: 'type', label: 'applications.type', kind: 'enum', labels: 'applicationType.' },
    status: { key: 'status', label: 'applications.status', kind: 'enum', labels: 'applicationStatus.' },
    currentStep: {
      key: 'currentStep',
      label: 'applications.currentStep',
      value: (a) => (zh() ? a.currentStepName : a.currentStepNameEn),
    },
    dueDate: { key: 'dueDate', label: 'applications.dueDate', kind: 'date' },
    /** Calendar days past the current step's due date while it is overdue; `—` otherwise. */
    daysOverdue: { key: 'daysOverdue', label: 'applications.daysOverdue', kind: 'number' },
    sla: { key: 'sla', label: 'applications.sla' },
    receivedAt: { key: 'receivedAt', label: 'applications.receivedAt', kind: 'date' },
  };
}
