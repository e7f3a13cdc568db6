#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H
/* GLPK, the GNU Linear Programming Kit (Debian: libglpk-dev). Debian ships no glpk.pc, so the module
   map links -lglpk directly. */
#include <glpk.h>
#endif
