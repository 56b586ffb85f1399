#include <stdlib.h>
#include <string.h>
int f(int *a, int n) { return a[n]; }
int main(int argc, char **argv) {
	int *a = malloc(10 * sizeof(int));
	memset(a, 0, 40);
	int r = 0;
	if (argc > 1 && argv[1][0] == 'o') r = f(a, 10);
	if (argc > 1 && argv[1][0] == 'l') { a = malloc(100); a[0] = 1; return 0; }
	if (argc > 1 && argv[1][0] == 'u') { int x = 0x7fffffff; x += argc; r = x; }
	if (argc > 1 && argv[1][0] == 's') { int b[4]; b[argc+3] = 1; r = b[1]; }
	free(a);
	return r & 1;
}
