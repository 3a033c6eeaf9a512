/** A worker thread of `npm run generate`: generates the batches it is sent and posts back their COPY text. */
import { PopulationPlan, populationBatch } from '@crm/api/demo-seed';
import { parentPort, workerData } from 'node:worker_threads';

const plan = workerData as PopulationPlan;
parentPort?.on('message', (batch: number) => parentPort?.postMessage({ batch, ...populationBatch(plan, batch) }));
