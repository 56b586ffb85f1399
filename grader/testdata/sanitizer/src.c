#include <stdlib.h>
#include <string.h>
int f(int *a, int n) { return a[n]; }
int main(int argc, char **argv) {
	int *a = malloc(10 * sizeof(int));
	memset(a, 0, 40);
	int r = 0;
	if (argc > 1 && argv[1][0] == 'o') r = f(a, 10);
	if (argc > 1 && argv[1][0] == 'f') { free(a); r = a[2]; }
	if (argc > 1 && argv[1][0] == 'd') { free(a); free(a); }
	free(a);
	return r & 1;
}
