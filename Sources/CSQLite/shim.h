#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
/* Debian's SQLite (libsqlite3-dev), for LabKit's cell store (Sources/LabKit/Store). */
#include <sqlite3.h>
#endif
