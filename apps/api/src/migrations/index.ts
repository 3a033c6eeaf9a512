import { CreateUsers1764000000000 } from './1764000000000-create-users';
import { CreateCustomers1764100000000 } from './1764100000000-create-customers';
import { CreateAuditLog1764100000001 } from './1764100000001-create-audit-log';
import { CreateLifecycle1764200000000 } from './1764200000000-create-lifecycle';
import { CreateOperationalData1764300000000 } from './1764300000000-create-operational-data';
import { CreateCreditCodeCheck1764300000001 } from './1764300000001-create-credit-code-check';
import { CombineSearchWithFilters1764300000002 } from './1764300000002-combine-search-with-filters';
import { SettleBills1764400000000 } from './1764400000000-settle-bills';
import { CreateScoring1764500000000 } from './1764500000000-create-scoring';
import { CreateSegments1764600000000 } from './1764600000000-create-segments';
import { LatestScoresInMetrics1764600000001 } from './1764600000001-latest-scores-in-metrics';
import { StaleMetrics1764600000002 } from './1764600000002-stale-metrics';
import { CreateSegmentFacts1764600000003 } from './1764600000003-create-segment-facts';
import { CreateServicePlans1764700000000 } from './1764700000000-create-service-plans';
import { CreateOutbox1764700000001 } from './1764700000001-create-outbox';
import { LastVisitInSegmentFacts1764700000002 } from './1764700000002-last-visit-in-segment-facts';
import { UserAdmin1764850000000 } from './1764850000000-user-admin';
import { CreateChangeHistory1764860000000 } from './1764860000000-create-change-history';
import { CapacityOnceEnergised1764880000000 } from './1764880000000-capacity-once-energised';
import { CreateClocks1764890000000 } from './1764890000000-create-clocks';
import { CreateWorkOrders1765000000000 } from './1765000000000-create-work-orders';
import { WorkOrdersInSegmentFacts1765020000000 } from './1765020000000-work-orders-in-segment-facts';
import { ComplaintClosedTaskTrigger1765020000001 } from './1765020000001-complaint-closed-task-trigger';
import { WorkOrderClockOutcomes1765050000000 } from './1765050000000-work-order-clock-outcomes';
import { CreateMarketingAudit1765070000000 } from './1765070000000-create-marketing-audit';
import { CustomersManagerIds1765060000000 } from './1765060000000-customers-manager-ids';
import { ConsumptionByPeriod1765110000000 } from './1765110000000-consumption-by-period';
import { CreateKpis1765130000000 } from './1765130000000-create-kpis';
import { CreateMonthlyReports1765140000001 } from './1765140000001-create-monthly-reports';
import { AuditFindingsWithoutForeignKeys1765170000000 } from './1765170000000-audit-findings-without-foreign-keys';
import { ResolvingNotifications1765200000001 } from './1765200000001-resolving-notifications';
import { MessageCodes1765220000001 } from './1765220000001-message-codes';
import { CustomerListIndexes1765250000001 } from './1765250000001-customer-list-indexes';
import { CreateJwtSecret1765280000000 } from './1765280000000-create-jwt-secret';
import { PartitionHistory1765300000000 } from './1765300000000-partition-history';

/** Every migration, oldest first. Add each new one here. */
export const MIGRATIONS = [
  CreateUsers1764000000000,
  CreateCustomers1764100000000,
  CreateAuditLog1764100000001,
  CreateLifecycle1764200000000,
  CreateOperationalData1764300000000,
  CreateCreditCodeCheck1764300000001,
  CombineSearchWithFilters1764300000002,
  SettleBills1764400000000,
  CreateScoring1764500000000,
  CreateSegments1764600000000,
  LatestScoresInMetrics1764600000001,
  StaleMetrics1764600000002,
  CreateSegmentFacts1764600000003,
  CreateServicePlans1764700000000,
  CreateOutbox1764700000001,
  LastVisitInSegmentFacts1764700000002,
  UserAdmin1764850000000,
  CreateChangeHistory1764860000000,
  CapacityOnceEnergised1764880000000,
  CreateClocks1764890000000,
  CreateWorkOrders1765000000000,
  WorkOrdersInSegmentFacts1765020000000,
  ComplaintClosedTaskTrigger1765020000001,
  WorkOrderClockOutcomes1765050000000,
  CustomersManagerIds1765060000000,
  CreateMarketingAudit1765070000000,
  ConsumptionByPeriod1765110000000,
  CreateKpis1765130000000,
  CreateMonthlyReports1765140000001,
  AuditFindingsWithoutForeignKeys1765170000000,
  ResolvingNotifications1765200000001,
  MessageCodes1765220000001,
  CustomerListIndexes1765250000001,
  CreateJwtSecret1765280000000,
  PartitionHistory1765300000000,
];
