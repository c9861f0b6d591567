await import('../../bin/bpv.js');
