#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
/* The GNU Scientific Library headers LabKit uses. */
#include <gsl/gsl_version.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_fit.h>

/* GSL's generator types and its version string are mutable C globals, which Swift 6 refuses to read
   ("not concurrency-safe"). These accessors return them through functions instead. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const char *cgsl_version(void) { return gsl_version; }
#endif
