import v8 from 'node:v8';
v8.setFlagsFromString('--no-parallel-scavenge');
await import('../../bin/bpv.js');
