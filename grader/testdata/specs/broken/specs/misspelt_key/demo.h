/* demo.h - placeholder: spec_load only checks that it exists */
