#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

// libpq-fe.h lives in PostgreSQL's own include directory (/usr/include/postgresql on
// Debian), which pkg-config's libpq.pc adds to the search path; the shim keeps the module
// one header so Swift sees the whole client API and nothing of the server's.
#include <libpq-fe.h>

#endif
