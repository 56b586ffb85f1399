/* bench_demo_defaults.c - placeholder: spec_load only checks that it exists */
