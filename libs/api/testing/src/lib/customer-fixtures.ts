import { creditCodeCheckChar } from '@crm/shared/domain';
import { TestApp } from './test-app';

let sequence = 0;

/** A valid body for POST /api/customers; account number and credit code differ on every call. */
export function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  const first17 = `9133030${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(7, '0')}`;
  return {
    accountNo: `33${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(5, '0')}`,
    name: `温州测试电气有限公司${sequence}`,
    creditCode: first17 + creditCodeCheckChar(first17),
    industry: '38',
    voltageKv: 10,
    contractCapacityKva: 1250,
    tariffCategory: 'large_industry',
    region: '龙湾区',
    address: '温州市龙湾区滨海园区 1 号',
    importance: 'none',
    contacts: [{ name: '陈国强', phone: '13857712345', email: 'chen@example.com', role: '电气负责人' }],
    tags: ['重点用户'],
    ...overrides,
  };
}

/** Creates a customer through the API as `as` and returns it (fails the test on anything but 201). */
export async function createCustomer(t: TestApp, as: string, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/customers', { as, body: customerBody(overrides) });
  if (res.status !== 201) throw new Error(`creating a customer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The header of the customers' CSV import (`POST /api/import/customers`), in the order of `customerImportLine`. */
export const CUSTOMER_IMPORT_HEADER =
  'accountNo,name,creditCode,industry,voltageKv,contractCapacityKva,tariffCategory,region,address,importance,contactName,contactPhone,managerUsername';

/**
 * A row of the customers' CSV import for `customer` (a customerBody, or a customer as the API answers it,
 * with any fields changed), name and address quoted. Contact name and phone are the first contact's and the
 * manager is manager1 unless `customer` gives contactName, contactPhone or managerUsername.
 */
export function customerImportLine(customer: Record<string, unknown>): string {
  const [contact] = (customer['contacts'] ?? []) as { name?: string; phone?: string }[];
  return [
    customer['accountNo'],
    `"${customer['name']}"`,
    customer['creditCode'],
    customer['industry'],
    customer['voltageKv'],
    customer['contractCapacityKva'],
    customer['tariffCategory'],
    customer['region'],
    `"${customer['address']}"`,
    customer['importance'],
    customer['contactName'] ?? contact?.name,
    customer['contactPhone'] ?? contact?.phone,
    customer['managerUsername'] ?? 'manager1',
  ].join(',');
}
