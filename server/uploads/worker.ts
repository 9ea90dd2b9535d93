/** The uploads pool's worker thread: hosts the upload tasks. */
import { hostTasks } from '../workers/index.ts';
import { uploadTasks } from './tasks.ts';

hostTasks(uploadTasks);
