/* demo_slow.c - placeholder: spec_load only checks that it exists */
