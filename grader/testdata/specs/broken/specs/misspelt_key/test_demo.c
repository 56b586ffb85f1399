/* test_demo.c - placeholder: spec_load only checks that it exists */
