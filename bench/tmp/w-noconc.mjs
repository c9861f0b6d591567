import v8 from 'node:v8';
v8.setFlagsFromString('--no-concurrent-marking');
await import('../../bin/bpv.js');
