#!/usr/bin/env node
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';

const app = createApp(loadConfig());
const res = await app.request('/api/health');
console.log(await res.json());
