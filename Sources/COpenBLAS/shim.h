#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
/* Debian's OpenBLAS (libopenblas-dev), for LabKit's dense networks. Only the Fortran-interface dgemm_ and
   the thread-count control are used: GSL's reference CBLAS (libgslcblas, linked through CGSL) exports the
   same cblas_* names, so calling cblas_dgemm would bind to whichever library the loader sees first. */
#include <openblas_config.h>
#include <f77blas.h>
void openblas_set_num_threads(int num_threads);
char *openblas_get_corename(void);
#endif
