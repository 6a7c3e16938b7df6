/** Worker thread of the benchmark build: makes person batches while the main thread writes the previous one. */
import { parentPort, workerData } from 'node:worker_threads';
import type { GeneratorOptions } from './person-generator';
import { BatchMaker } from './person-batches';

const maker = new BatchMaker(workerData as GeneratorOptions);
parentPort?.on('message', (request: { from: number; to: number }) => {
  parentPort?.postMessage(maker.make(request.from, request.to));
});
