#ifndef CMPI_SHIM_H
#define CMPI_SHIM_H
/* Open MPI (Debian libopenmpi-dev), for the opt-in distributed runs of LabKitMPI (REPRODUCE_MPI=1).
   Open MPI's handles (MPI_COMM_WORLD, MPI_BYTE, ...) are macros over global objects that Swift cannot
   import, so they are returned by these functions. */
#include <mpi.h>
static inline MPI_Comm cmpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype cmpi_byte(void) { return MPI_BYTE; }
static inline int cmpi_any_source(void) { return MPI_ANY_SOURCE; }
static inline int cmpi_any_tag(void) { return MPI_ANY_TAG; }
static inline int cmpi_thread_funneled(void) { return MPI_THREAD_FUNNELED; }
#endif
